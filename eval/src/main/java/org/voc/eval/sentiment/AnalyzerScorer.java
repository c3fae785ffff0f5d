package org.voc.eval.sentiment;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import org.voc.nlp.DocumentAnalyzer;
import org.voc.nlp.Sentiment;

/**
 * Each text through a document analyzer, as the service analyzes it (CoreNLP sentences, each scored,
 * averaged by length), on several threads.
 */
final class AnalyzerScorer implements SentimentScorer {

  private final String name;
  private final DocumentAnalyzer analyzer;
  private final ForkJoinPool pool;

  AnalyzerScorer(String name, DocumentAnalyzer analyzer, int threads) {
    this.name = name;
    this.analyzer = analyzer;
    this.pool = new ForkJoinPool(threads);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<Sentiment.Probabilities> score(List<String> texts) {
    try {
      return pool.submit(() -> texts.parallelStream()
          .map(text -> analyzer.analyzeText(text).sentiment().probabilities())
          .toList()).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdown();
  }
}

package org.voc.nlp;

import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voc.models.CoreNlpPipeline;

/**
 * CoreNLP's recursive sentiment network, read from the trees the pipeline already scored while
 * parsing. Its five classes are kept in the model output and folded into voc's three: negative is
 * very negative plus negative, positive is positive plus very positive.
 */
public final class CoreNlpSentiment implements SentimentModel {

  public static final String NAME = "corenlp";

  /** CoreNLP's classes 0 to 4, as they are written in model outputs. */
  public static final List<String> CLASSES =
      List.of("very_negative", "negative", "neutral", "positive", "very_positive");

  private final String version;

  public CoreNlpSentiment(String version) {
    this.version = version;
  }

  /** The sentiment model of the CoreNLP release on the classpath. */
  public static CoreNlpSentiment fromClasspath() {
    return new CoreNlpSentiment(CoreNlpPipeline.version());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public List<Sentiment> score(ParsedText text) {
    List<Sentiment> scores = new ArrayList<>(text.coreNlpSentences().size());
    for (CoreMap sentence : text.coreNlpSentences()) {
      scores.add(fromFiveClasses(predictions(sentence)));
    }
    return scores;
  }

  /** The sentiment for CoreNLP's five class probabilities, very negative first. */
  Sentiment fromFiveClasses(double[] p) {
    if (p.length != CLASSES.size()) {
      throw new IllegalArgumentException("expected 5 probabilities, got " + p.length);
    }
    Map<String, Double> own = new LinkedHashMap<>();
    int best = 0;
    for (int i = 0; i < p.length; i++) {
      own.put(CLASSES.get(i), p[i]);
      if (p[i] > p[best]) {
        best = i;
      }
    }
    var output = new Sentiment.ModelOutput(NAME, version, CLASSES.get(best), own);
    var three = new Sentiment.Probabilities(p[0] + p[1], p[2], p[3] + p[4]);
    return Sentiment.fromProbabilities(three, List.of(output));
  }

  private static double[] predictions(CoreMap sentence) {
    Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
    if (tree == null) {
      throw new IllegalStateException("sentence was not scored by CoreNLP's sentiment annotator");
    }
    return RNNCoreAnnotations.getPredictionsAsStringList(tree).stream()
        .mapToDouble(Double::doubleValue)
        .toArray();
  }
}

package org.voc.eval.bench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.voc.models.CoreNlpPipeline;
import org.voc.models.CoreNlpSettings;
import org.voc.nlp.AnalyzerSettings;
import org.voc.nlp.DocumentAnalyzer;

/**
 * Sentences per second through voc's CoreNLP path ({@code analysis.sentiment: corenlp}: {@link
 * DocumentAnalyzer} with CoreNLP's sentiment, text in, analysis record out) against Stanford's
 * CoreNLP server started from the same jars with the same annotators and properties (text in over
 * HTTP, JSON or its protocol buffer out). Both get the same texts, one per call, from as many client threads as voc has
 * analysis workers by default (one per core); the server has that many annotation threads. Runs
 * are interleaved (voc, server, voc, ...) after one warm-up pass of each, so that load from other
 * processes hits both alike.
 */
final class CoreNlpThroughput {

  /** What {@link CoreNlpPipeline} runs, in its two halves. */
  static final String ANNOTATORS = "tokenize,ssplit,pos,parse,sentiment";

  interface Annotator {
    /** Annotates one text; returns its number of sentences. */
    int sentences(String text) throws Exception;
  }

  /** One pass: sentences analyzed and seconds taken. */
  record Pass(long sentences, double seconds) {
    double perSecond() {
      return sentences / seconds;
    }
  }

  private CoreNlpThroughput() {}

  /** One figure per server output format, each against the same voc runs. */
  static List<Figure> measure(List<String> texts, int threads, int runs, List<CoreNlpServer.Output> outputs)
      throws Exception {
    CoreNlpPipeline pipeline = CoreNlpPipeline.load(CoreNlpSettings.defaults());
    DocumentAnalyzer analyzer = DocumentAnalyzer.withCoreNlpSentiment(pipeline, AnalyzerSettings.defaults(),
        Clock.systemUTC());
    Annotator voc = text -> analyzer.analyzeText(text).sentences().size();
    try (ScratchDir dir = ScratchDir.create("voc-bench-corenlp");
        CoreNlpServer server = CoreNlpServer.start(CoreNlpPipeline.properties(CoreNlpSettings.defaults()),
            ANNOTATORS, threads, dir.path())) {
      System.err.printf(Locale.ROOT, "corenlp: %d texts, %d threads; warming up%n", texts.size(), threads);
      pass(texts, threads, voc);
      for (CoreNlpServer.Output output : outputs) {
        pass(texts, threads, text -> server.annotate(text, output));
      }
      double[] ours = new double[runs];
      double[][] theirs = new double[outputs.size()][runs];
      for (int r = 0; r < runs; r++) {
        Pass a = pass(texts, threads, voc);
        ours[r] = a.perSecond();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
            "corenlp run %d: voc %d sentences in %.1f s = %.1f/s", r + 1, a.sentences(), a.seconds(), a.perSecond()));
        for (int o = 0; o < outputs.size(); o++) {
          CoreNlpServer.Output output = outputs.get(o);
          Pass b = pass(texts, threads, text -> server.annotate(text, output));
          theirs[o][r] = b.perSecond();
          line.append(String.format(Locale.ROOT, "; server (%s) %d sentences in %.1f s = %.1f/s",
              output.wireName(), b.sentences(), b.seconds(), b.perSecond()));
        }
        System.err.println(line);
      }
      double median = Timings.median(ours);
      List<Figure> figures = new ArrayList<>();
      for (int o = 0; o < outputs.size(); o++) {
        double stanford = Timings.median(theirs[o]);
        figures.add(new Figure("CoreNLP path (server: " + outputs.get(o).wireName() + ")", "sentences/s", median,
            stanford, ">= 2x server", median >= 2 * stanford));
      }
      return figures;
    }
  }

  /** Runs {@code annotator} over every text from {@code threads} threads, each taking the next text. */
  static Pass pass(List<String> texts, int threads, Annotator annotator) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<Long>> counts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        counts.add(pool.submit(() -> {
          long sentences = 0;
          for (int i = next.getAndIncrement(); i < texts.size(); i = next.getAndIncrement()) {
            sentences += annotator.sentences(texts.get(i));
          }
          return sentences;
        }));
      }
      long sentences = 0;
      for (Future<Long> count : counts) {
        sentences += count.get();
      }
      return new Pass(sentences, (System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }
}

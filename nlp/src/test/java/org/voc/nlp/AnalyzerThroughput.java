package org.voc.nlp;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.voc.models.CoreNlpPipeline;
import org.voc.models.CoreNlpSettings;

/**
 * Prints pipeline load time, heap after load and sentences per second with 1 and 2 threads, on
 * short review sentences made up here. Not a test: run it by hand, e.g.
 *
 * <pre>
 * mvn -q -pl nlp dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx1500m -cp nlp/target/classes:nlp/target/test-classes:$(cat /tmp/cp.txt) \
 *     org.voc.nlp.AnalyzerThroughput
 * </pre>
 */
public final class AnalyzerThroughput {

  private static final String[] SUBJECTS = {
    "The app",
    "This phone",
    "The battery",
    "Customer support",
    "The delivery",
    "The screen",
    "The price",
    "The new update",
    "The checkout page",
    "My order",
    "The camera",
    "The refund",
    "The login screen",
    "The manual",
    "The charger",
    "The sound quality",
    "The subscription",
    "The website",
    "The packaging",
    "The replacement"
  };
  private static final String[] PREDICATES = {
    "works great.",
    "crashes every time I open it.",
    "is absolutely terrible.",
    "was fine.",
    "arrived two days late.",
    "is the best I have ever had.",
    "keeps freezing after a minute.",
    "is too expensive for what you get.",
    "made me very happy.",
    "is okay, nothing special.",
    "broke after a week.",
    "exceeded my expectations.",
    "is confusing and slow.",
    "was handled quickly and politely.",
    "could be better."
  };

  private AnalyzerThroughput() {}

  public static void main(String[] args) throws Exception {
    CoreNlpPipeline pipeline = CoreNlpPipeline.load(CoreNlpSettings.defaults());
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    long heapMb = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    System.out.printf(
        Locale.ROOT,
        "load %d ms, heap used after load %d MiB (max %d MiB)%n",
        pipeline.loadTime().toMillis(),
        heapMb,
        runtime.maxMemory() >> 20);

    DocumentAnalyzer analyzer =
        DocumentAnalyzer.withCoreNlpSentiment(
            pipeline, AnalyzerSettings.defaults(), Clock.systemUTC());
    List<String> sentences = new ArrayList<>();
    for (String subject : SUBJECTS) {
      for (String predicate : PREDICATES) {
        sentences.add(subject + " " + predicate);
      }
    }
    // The first passes run while the JIT is still compiling; only the later ones are steady.
    sentences = List.of(sentences, sentences, sentences).stream().flatMap(List::stream).toList();
    for (int round = 1; round <= 4; round++) {
      run(analyzer, sentences, 1, "round " + round + ", 1 thread");
      run(analyzer, sentences, 2, "round " + round + ", 2 threads");
    }
    String paragraph = String.join(" ", sentences.subList(0, 10));
    long start = System.nanoTime();
    for (int i = 0; i < 30; i++) {
      analyzer.analyzeText(paragraph);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT, "10-sentence documents: %.1f sentences/s (1 thread)%n", 300 / seconds);

    String huge = paragraph.repeat((1 << 20) / paragraph.length() + 1);
    start = System.nanoTime();
    Analysis cut = analyzer.analyzeText(huge);
    System.out.printf(
        Locale.ROOT,
        "1 MiB document: %d sentences analyzed in %d ms, truncated=%b%n",
        cut.sentences().size(),
        (System.nanoTime() - start) / 1_000_000,
        cut.truncated());
  }

  private static void run(DocumentAnalyzer analyzer, List<String> texts, int threads, String name)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<Analysis>> futures = new ArrayList<>();
      for (String text : texts) {
        futures.add(pool.submit(() -> analyzer.analyzeText(text)));
      }
      int sentenceCount = 0;
      for (Future<Analysis> future : futures) {
        sentenceCount += future.get().sentences().size();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "%s: %d sentences in %.2f s = %.1f sentences/s%n",
          name,
          sentenceCount,
          seconds,
          sentenceCount / seconds);
    } finally {
      pool.shutdown();
    }
  }
}

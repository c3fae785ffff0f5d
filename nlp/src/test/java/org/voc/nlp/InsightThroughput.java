package org.voc.nlp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.voc.models.OnnxTextEncoder;

/**
 * Prints documents per second of the transformer's sentence sentiment alone (the baseline) and of
 * sentiment plus themes and brands ({@link InsightFinder} with the shipped detector, target model
 * and two brands), medians of 3 runs on the same made-up reviews, and their ratio. Not a test: run
 * it by hand, e.g.
 *
 * <pre>
 * mvn -q -pl nlp dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Dai.djl.offline=true -cp nlp/target/classes:nlp/target/test-classes:$(cat /tmp/cp.txt) \
 *     org.voc.nlp.InsightThroughput [DOCS [TARGET_MODELS]]
 * </pre>
 *
 * TARGET_MODELS: how many of the shipped target models are averaged (default all, as the service).
 */
public final class InsightThroughput {

  private static final String[] SENTENCES = {
    "Shipping took three weeks and nobody answered my emails.",
    "Acme's app is great, unlike Globex's.",
    "The battery life is great.",
    "I was charged twice this month and want a refund.",
    "The new update keeps freezing after a minute.",
    "Support was friendly and fixed it quickly.",
    "Please add a dark mode.",
    "Globex is cheaper but the quality is poor.",
    "I cannot log in since yesterday.",
    "It works fine, nothing special.",
    "The package arrived damaged and the box was open.",
    "Thanks for the quick reply!",
  };

  private InsightThroughput() {}

  public static void main(String[] args) {
    int docs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int targetModels = args.length > 1 ? Integer.parseInt(args[1]) : ShippedSentiment.TARGET_TOPS.size();
    Random random = new Random(7);
    List<ParsedText> texts = new ArrayList<>();
    for (int i = 0; i < docs; i++) {
      String[] picked = new String[1 + random.nextInt(4)];
      for (int s = 0; s < picked.length; s++) {
        picked[s] = SENTENCES[random.nextInt(SENTENCES.length)];
      }
      texts.add(TransformerAndEnsembleSentimentTest.parsed(picked));
    }
    Taxonomy taxonomy = Taxonomy.defaults().withBrands(List.of(
        new BrandDefinition("acme", List.of("Acme"), null, true),
        new BrandDefinition("globex", List.of("Globex"), null, false)));
    try (OnnxTextEncoder encoder = ShippedSentiment.loadEncoder()) {
      TransformerSentiment sentiment = ShippedSentiment.transformer(encoder);
      InsightFinder finder = new InsightFinder(ShippedThemes.detector(encoder),
          ShippedSentiment.targets(encoder, targetModels), null);
      double[] base = new double[3];
      double[] full = new double[3];
      for (int run = 0; run < 3; run++) {
        base[run] = rate(texts, t -> sentiment.score(t));
        full[run] = rate(texts, t -> {
          List<Sentiment> scores = sentiment.score(t);
          Analysis plain = new Analysis(t.text(), "en", scores.getFirst(), List.of(), List.of(), false,
              Instant.EPOCH, Map.of());
          finder.find(plain, t, taxonomy);
        });
      }
      Arrays.sort(base);
      Arrays.sort(full);
      System.out.printf("docs %d, target models %d: sentiment only %.1f docs/s, with themes and brands %.1f docs/s,"
          + " ratio %.2f%n", docs, targetModels, base[1], full[1], full[1] / base[1]);
    }
  }

  private static double rate(List<ParsedText> texts, java.util.function.Consumer<ParsedText> work) {
    long start = System.nanoTime();
    for (ParsedText text : texts) {
      // A fresh copy each run, so that no run reuses the encodings another cached.
      work.accept(new ParsedText(text.text(), text.sentences(), text.coreNlpSentences(), false));
    }
    return texts.size() / ((System.nanoTime() - start) / 1e9);
  }
}

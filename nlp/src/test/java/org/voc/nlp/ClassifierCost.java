package org.voc.nlp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.voc.models.OnnxTextEncoder;
import org.voc.models.SoftmaxHead;

/**
 * What a classifier adds to each document's analysis, against the transformer sentiment it rides
 * on: per document, the transformer's sentence sentiment (the encoder pass and its tuned top; the
 * baseline), then the document vector (the length-weighted mean of the sentence vectors that pass
 * made) and the classifier's label. Medians of 5 runs over the same made-up tickets. Not a test:
 * run it by hand with a classifier directory from {@code voc train classifier} (none: a 77-label
 * head with random weights, which costs the same), e.g.
 *
 * <pre>
 * mvn -q -pl nlp dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Dai.djl.offline=true -cp nlp/target/classes:nlp/target/test-classes:$(cat /tmp/cp.txt) \
 *     org.voc.nlp.ClassifierCost 300 data/models/intent
 * </pre>
 */
public final class ClassifierCost {

  private static final String[] SENTENCES = {
    "My card still hasn't arrived after two weeks.",
    "Someone took money from my account without asking.",
    "How do I change my PIN?",
    "The transfer I made yesterday is still pending.",
    "I was charged twice for the same payment.",
    "Why was my card declined at the shop?",
    "Please close my account.",
    "The exchange rate you applied is wrong.",
    "I cannot verify my identity in the app.",
    "Thanks, that fixed it!",
  };

  private ClassifierCost() {}

  public static void main(String[] args) throws Exception {
    int docs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    Random random = new Random(11);
    List<ParsedText> texts = new ArrayList<>();
    for (int i = 0; i < docs; i++) {
      String[] picked = new String[1 + random.nextInt(3)];
      for (int s = 0; s < picked.length; s++) {
        picked[s] = SENTENCES[random.nextInt(SENTENCES.length)];
      }
      texts.add(TransformerAndEnsembleSentimentTest.parsed(picked));
    }
    try (OnnxTextEncoder encoder = ShippedSentiment.loadEncoder()) {
      TextClassifier classifier = args.length > 1 ? TextClassifier.load(Path.of(args[1]), "intent", Set.of())
          : randomClassifier(encoder);
      TransformerSentiment sentiment = ShippedSentiment.transformer(encoder);
      double[] sentimentMs = new double[5];
      double[] classifierMs = new double[5];
      for (int run = 0; run < sentimentMs.length; run++) {
        long sentimentNanos = 0;
        long classifierNanos = 0;
        for (ParsedText text : texts) {
          ParsedText fresh = new ParsedText(text.text(), text.sentences(), text.coreNlpSentences(), false);
          long start = System.nanoTime();
          sentiment.score(fresh);
          long scored = System.nanoTime();
          float[] vector = DocumentAnalyzer.weightedMean(fresh.sentenceEmbeddings(encoder),
              fresh.sentences().stream().map(Sentence::length).toList());
          classifier.classify(vector);
          classifierNanos += System.nanoTime() - scored;
          sentimentNanos += scored - start;
        }
        sentimentMs[run] = sentimentNanos / 1e6 / texts.size();
        classifierMs[run] = classifierNanos / 1e6 / texts.size();
      }
      Arrays.sort(sentimentMs);
      Arrays.sort(classifierMs);
      System.out.printf("docs %d, %d labels: transformer sentiment %.2f ms/doc, document vector + classifier %.4f ms/doc,"
          + " ratio %.4f%n", docs, classifier.info().labels().size(), sentimentMs[2], classifierMs[2],
          classifierMs[2] / sentimentMs[2]);
    }
  }

  private static TextClassifier randomClassifier(OnnxTextEncoder encoder) {
    Random random = new Random(3);
    List<String> labels = new ArrayList<>();
    float[][] weights = new float[77][encoder.dimension()];
    for (int c = 0; c < weights.length; c++) {
      labels.add("label" + c);
      for (int d = 0; d < weights[c].length; d++) {
        weights[c][d] = (float) random.nextGaussian();
      }
    }
    SoftmaxHead head = new SoftmaxHead(labels, encoder.name(), weights, new float[77], 1.0, null);
    ClassifierInfo info = new ClassifierInfo("intent", labels, encoder.name(), TextClassifier.DOCUMENT_VECTOR, null,
        "text", "label", "", 0, 0, 0, 0.1, 0, 42, 1.0, 0.5, null, null, 0, null);
    return new TextClassifier("intent", Set.of(), head, info);
  }
}

package org.voc.nlp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.voc.models.BertTopFile;
import org.voc.models.EncoderSettings;
import org.voc.models.OnnxTextEncoder;

/**
 * Prints the resident memory of the service's transformer set-up: the shipped encoder with the
 * sentiment layers in its graph, and the target model in a session of its own, either as the
 * classifier alone that the service loads ({@code pruned}) or inside a whole encoder's graph as
 * before ({@code whole}). It encodes the sentences of a TSV file ({@code text<TAB>label}) and the
 * pairs {@code product [SEP] sentence} twice, then prints VmRSS and VmHWM from /proc/self/status.
 * Not a test: run each set-up in its own JVM, e.g.
 *
 * <pre>
 * mvn -q -pl nlp dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt && mvn -q -pl models,nlp test-compile
 * java -Xmx400m -Dai.djl.offline=true -cp nlp/target/classes:nlp/target/test-classes:$(cat /tmp/cp.txt) \
 *     org.voc.nlp.SessionMemory pruned ../shared/data/sst2/dev.tsv
 * </pre>
 */
public final class SessionMemory {

  private SessionMemory() {}

  public static void main(String[] args) throws IOException {
    boolean pruned = switch (args[0]) {
      case "pruned" -> true;
      case "whole" -> false;
      default -> throw new IllegalArgumentException("pruned or whole, not " + args[0]);
    };
    List<String> sentences = Files.readAllLines(Path.of(args[1])).stream().filter(l -> l.contains("\t"))
        .map(l -> l.substring(0, l.lastIndexOf('\t'))).filter(t -> !t.equals("sentence")).toList();
    long start = System.nanoTime();
    BertTopFile.Weights top = ShippedSentiment.readTop(ShippedSentiment.TARGET_TOP);
    try (OnnxTextEncoder encoder = ShippedSentiment.loadEncoder();
        OnnxTextEncoder pairs = pruned
            ? ShippedSentiment.encoderModel().loadClassifier(EncoderSettings.defaults(), top)
            : ShippedSentiment.encoderModel().load(EncoderSettings.defaults(), -1, top)) {
      double loaded = (System.nanoTime() - start) / 1e9;
      TransformerSentiment sentiment = ShippedSentiment.transformer(encoder);
      TargetTransformer targets = new TargetTransformer(pairs, ShippedSentiment.targetPairs(top), "probe");
      List<TargetSentimentModel.Target> asked = sentences.stream()
          .map(s -> TargetSentimentModel.Target.about(s, "product")).toList();
      for (int round = 0; round < 2; round++) {
        sentiment.scoreTexts(sentences);
        targets.score(asked);
      }
      System.out.printf("%s: %d sentences and pairs twice; loaded in %.1f s; %s%n", args[0], sentences.size(),
          loaded, memory());
    }
  }

  private static String memory() throws IOException {
    StringBuilder out = new StringBuilder();
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS") || line.startsWith("VmHWM")) {
        out.append(line.replaceAll("\\s+", " ")).append("; ");
      }
    }
    return out.toString();
  }
}

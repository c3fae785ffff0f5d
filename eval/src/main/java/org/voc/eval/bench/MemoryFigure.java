package org.voc.eval.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.voc.models.CoreNlpPipeline;
import org.voc.models.CoreNlpSettings;
import org.voc.models.OnnxTextEncoder;
import org.voc.nlp.ShippedSentiment;

/**
 * Resident memory of this process with both models loaded (the shipped encoder and the CoreNLP
 * pipeline) after analyzing a few hundred sentences with each: VmRSS from /proc/self/status.
 */
final class MemoryFigure {

  private static final long GIB = 1L << 30;

  private MemoryFigure() {}

  static Figure measure() throws IOException {
    OnnxTextEncoder encoder = ShippedSentiment.loadEncoder();
    CoreNlpPipeline pipeline = CoreNlpPipeline.load(CoreNlpSettings.defaults());
    SyntheticCorpus corpus = new SyntheticCorpus(7);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      texts.add(corpus.next(i, 64).document().document().text());
    }
    for (int from = 0; from < texts.size(); from += 16) {
      encoder.embed(texts.subList(from, from + 16));
    }
    for (String text : texts) {
      pipeline.parse(pipeline.split(text));
    }
    double gib = rssBytes() / (double) GIB;
    encoder.close();
    return new Figure("RSS, both models loaded", "GiB", gib, Double.NaN, "<= 3 GiB", gib <= 3);
  }

  static long rssBytes() throws IOException {
    return rssBytes(Path.of("/proc/self/status"));
  }

  /** VmRSS from a /proc/PID/status file, in bytes. */
  static long rssBytes(Path status) throws IOException {
    for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IOException("no VmRSS in " + status);
  }
}

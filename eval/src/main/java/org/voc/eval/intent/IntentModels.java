package org.voc.eval.intent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.LongConsumer;
import org.voc.models.CoreNlpPipeline;
import org.voc.models.CoreNlpSettings;
import org.voc.models.EncoderSettings;
import org.voc.models.OnnxTextEncoder;
import org.voc.nlp.AnalyzerSettings;
import org.voc.nlp.ClassifierTrainer;
import org.voc.nlp.CoreNlpSentiment;
import org.voc.nlp.DocumentAnalyzer;
import org.voc.nlp.ShippedSentiment;

/**
 * The document vectors classifiers read, computed as the service computes them (CoreNLP sentence
 * split, the shipped encoder, the length-weighted mean of sentence vectors), for training and
 * evaluation from the command line.
 */
final class IntentModels implements ClassifierTrainer.DocumentVectors, AutoCloseable {

  private final OnnxTextEncoder encoder;
  private final DocumentAnalyzer analyzer;

  IntentModels() {
    // The sentiment model is never called here; CoreNLP's own is the cheapest to load.
    encoder = ShippedSentiment.encoderModel().load(EncoderSettings.defaults(), -1);
    analyzer = new DocumentAnalyzer(CoreNlpPipeline.load(CoreNlpSettings.defaults()), CoreNlpSentiment.fromClasspath(),
        encoder, AnalyzerSettings.defaults(), Clock.systemUTC());
  }

  @Override
  public String encoder() {
    return encoder.name();
  }

  @Override
  public float[][] vectors(List<String> texts, LongConsumer progress) {
    return analyzer.documentVectors(texts, progress);
  }

  /** The data dir's {@code models/NAME}: {@code VOC_DATA}, else {@code ./data}. */
  static Path modelDir(String name) {
    String data = System.getenv("VOC_DATA");
    return Path.of(data == null || data.isBlank() ? "data" : data).resolve("models").resolve(name);
  }

  /** A directory as given, else a name under the data dir's {@code models}. */
  static Path resolve(String nameOrDir) {
    Path dir = Path.of(nameOrDir);
    return Files.isDirectory(dir) ? dir : modelDir(nameOrDir);
  }

  @Override
  public void close() {
    encoder.close();
  }
}

package org.voc.nlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.voc.models.EncoderModel;
import org.voc.models.SoftmaxHead;
import org.voc.models.TextEncoder;

/**
 * The sentiment heads voc ships (trained by {@code ./voc train sentiment}, committed under {@code
 * nlp/src/main/resources/org/voc/nlp/sentiment/}), and the encoder they were trained on.
 */
public final class ShippedSentiment {

  public static final String HEAD = "org/voc/nlp/sentiment/transformer-head.json";
  public static final String STACKER = "org/voc/nlp/sentiment/ensemble-head.json";

  private ShippedSentiment() {}

  public static SoftmaxHead head() {
    return load(HEAD);
  }

  public static SoftmaxHead stacker() {
    return load(STACKER);
  }

  /** The encoder the shipped head reads vectors from. */
  public static EncoderModel encoderModel() {
    String id = head().encoder();
    for (EncoderModel model : EncoderModel.values()) {
      if (model.id().equals(id)) {
        return model;
      }
    }
    throw new IllegalStateException("shipped head was trained on unknown encoder " + id);
  }

  public static TransformerSentiment transformer(TextEncoder encoder) {
    return new TransformerSentiment(encoder, head(), version(HEAD, encoder));
  }

  public static EnsembleSentiment ensemble(CoreNlpSentiment coreNlp, TextEncoder encoder) {
    return new EnsembleSentiment(coreNlp, transformer(encoder), stacker(), version(STACKER, encoder));
  }

  private static String version(String resource, TextEncoder encoder) {
    String file = resource.substring(resource.lastIndexOf('/') + 1).replace(".json", "");
    return encoder.name() + "+" + file;
  }

  private static SoftmaxHead load(String resource) {
    try {
      return SoftmaxHead.loadResource(resource);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load shipped sentiment model " + resource, e);
    }
  }
}

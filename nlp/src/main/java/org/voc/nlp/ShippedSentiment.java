package org.voc.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.voc.models.BertTopFile;
import org.voc.models.EncoderModel;
import org.voc.models.EncoderSettings;
import org.voc.models.OnnxTextEncoder;
import org.voc.models.SoftmaxHead;
import org.voc.models.TextEncoder;

/**
 * The sentiment models voc ships (trained by {@code ./voc train sentiment}, committed under {@code
 * nlp/src/main/resources/org/voc/nlp/sentiment/}), and the encoder they were trained on: the
 * fine-tuned top layers of the encoder with their classifier when present ({@code
 * transformer-top.bin}), else the head over frozen vectors; and the ensemble's stacking layer.
 */
public final class ShippedSentiment {

  public static final String HEAD = "org/voc/nlp/sentiment/transformer-head.json";
  public static final String STACKER = "org/voc/nlp/sentiment/ensemble-head.json";
  public static final String TOP = "org/voc/nlp/sentiment/transformer-top.bin";
  /**
   * The fine-tuned layers of {@code analysis.pipeline: fast}: layers 10-11 only (the model shipped
   * as {@link #TOP} before layers 1-11 replaced it; {@code training-fast.json} beside it), two layers'
   * work on top of the encoder pass instead of eleven, 1.5 points lower on SST-2 dev.
   */
  public static final String FAST_TOP = "org/voc/nlp/sentiment/transformer-top-fast.bin";
  /** The target-sentiment model: top layers fine-tuned on (target, sentence) pairs. */
  public static final String TARGET_TOP = "org/voc/nlp/targets/target-top.bin";

  /**
   * The target models voc averages ({@link AveragedTargets}), each with its {@code training*.json}
   * beside it: {@link #TARGET_TOP} and a second one from the same recipe with four epochs instead of
   * three. Those present are used.
   */
  public static final List<String> TARGET_TOPS = List.of(TARGET_TOP, "org/voc/nlp/targets/target-top-2.bin");

  /**
   * Below this top-class probability a target takes its sentence's sentiment ({@link
   * ConfidentTargets}). Chosen on the four target benchmarks (MAMS dev and the #heldout parts of
   * SemEval-14 restaurants, laptops and the target tweets) from each target's probabilities, with the
   * two shipped models averaged: 0.4 gives 0.801 / 0.830 / 0.791 / 0.737 (mean 0.7895), 0.45 0.801 /
   * 0.830 / 0.793 / 0.736 (0.7899), 0.5 0.798 / 0.824 / 0.793 / 0.734, none 0.804 / 0.830 / 0.785 /
   * 0.736 (0.7886); 0.4 is kept, 13 of the 3,280 targets falling back against 0.45's 36, at about
   * the same mean. Either model alone: the three-epoch one 0.793 / 0.821 / 0.776 / 0.732 at
   * 0.4 (0.796 / 0.819 / 0.779 / 0.732 with none), the four-epoch one 0.801 / 0.815 / 0.789 / 0.725
   * (0.804 / 0.815 / 0.787 / 0.726). The models before used 0.5: with unmarked pairs it gave 0.789
   * / 0.769 / 0.768 / 0.728 against 0.786 / 0.769 / 0.764 / 0.727 without; 0.6 lost up to 2 points.
   */
  public static final double TARGET_MIN_CONFIDENCE = 0.4;

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

  /**
   * The encoder layer (0-based) whose hidden states {@link #loadEncoder} exposes: the one the shipped
   * aspect tagger reads ({@code bge-small-en-v1.5@9} in its file). The fine-tuned sentiment layers
   * start lower (layer 1) and read their input inside the graph, not through this tap.
   */
  public static final int TAPPED_LAYER = 9;

  /**
   * Loads the encoder the shipped transformer reads: with the fine-tuned top, it also taps layer
   * {@link #TAPPED_LAYER} (the aspect tagger reads it) and runs the top and its classifier inside
   * its own ONNX Runtime pass. Its vectors serve search either way.
   */
  public static OnnxTextEncoder loadEncoder() {
    if (ShippedSentiment.class.getClassLoader().getResource(TOP) == null) {
      return encoderModel().load(EncoderSettings.defaults());
    }
    BertTopFile.Weights top = readTop(TOP);
    return encoderModel().load(EncoderSettings.defaults(), TAPPED_LAYER, top);
  }

  /**
   * Loads the encoder of {@code analysis.pipeline: fast}: as {@link #loadEncoder}, with the layers of
   * {@link #FAST_TOP} in its graph.
   */
  public static OnnxTextEncoder loadFastEncoder() {
    if (ShippedSentiment.class.getClassLoader().getResource(FAST_TOP) == null) {
      return loadEncoder();
    }
    return encoderModel().load(EncoderSettings.defaults(), TAPPED_LAYER, readTop(FAST_TOP));
  }

  /** The transformer of {@code analysis.pipeline: fast} on an encoder from {@link #loadFastEncoder}. */
  public static TransformerSentiment fastTransformer(OnnxTextEncoder encoder) {
    if (encoder.tunedTop().isPresent()
        && ShippedSentiment.class.getClassLoader().getResource(FAST_TOP) != null) {
      return new TransformerSentiment(encoder, version(FAST_TOP, encoder));
    }
    return transformer(encoder);
  }

  /**
   * Loads the encoder without a tapped layer: the shipped transformer on it is the softmax head over
   * its frozen vectors, one encoder pass and nothing more (the transformer-only analysis path).
   */
  public static OnnxTextEncoder loadFrozenEncoder() {
    return encoderModel().load(EncoderSettings.defaults());
  }

  /**
   * The shipped transformer on {@code encoder}: the fine-tuned layers on one from {@link
   * #loadEncoder}, the head over frozen vectors on one from {@link #loadFrozenEncoder}.
   */
  public static TransformerSentiment transformer(TextEncoder encoder) {
    if (encoder instanceof OnnxTextEncoder tuned && tuned.tunedTop().isPresent()) {
      return new TransformerSentiment(tuned, version(TOP, encoder));
    }
    if (encoder instanceof OnnxTextEncoder tapped && tapped.tapLayer() >= 0) {
      return new TransformerSentiment(tapped, loadTop().top(), version(TOP, encoder));
    }
    return new TransformerSentiment(encoder, head(), version(HEAD, encoder));
  }

  /** Where the shipped fine-tuned layers start, if voc ships them. */
  public static Optional<Integer> topFirstLayer() {
    try (InputStream in = ShippedSentiment.class.getClassLoader().getResourceAsStream(TOP)) {
      return in == null ? Optional.empty()
          : Optional.of(BertTopFile.header(in).get("firstLayer").asInt());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read shipped sentiment model " + TOP, e);
    }
  }

  /**
   * The shipped target-sentiment model for {@code encoder} (tapped as {@link #loadEncoder} does),
   * or, where voc ships none, every target with its sentence's sentiment. Beside an encoder that runs
   * the sentiment layers in its graph, the target layers get an encoder of their own that runs them
   * in its graph as a classifier alone, the encoder's own upper layers dropped (the (target,
   * sentence) pairs need a pass of their own anyway, and no search vectors), as they do when
   * they start below the layer {@code encoder} taps; beside a tapped one that taps the layer below
   * them, they run on PyTorch over its tapped state. A target the model is unsure of takes its
   * sentence's sentiment ({@link #TARGET_MIN_CONFIDENCE}).
   */
  public static TargetSentimentModel targets(OnnxTextEncoder encoder) {
    return targets(encoder, TARGET_TOPS.size());
  }

  /**
   * As {@link #targets(OnnxTextEncoder)} with at most the first {@code models} of {@link #TARGET_TOPS}
   * (1: the first alone, about 1.5 times as fast on themes and brands, 0.8 points less accurate on
   * MAMS dev and 0.9 on SemEval-14 restaurants held out).
   */
  public static TargetSentimentModel targets(OnnxTextEncoder encoder, int models) {
    targetModelsProblem(models).ifPresent(problem -> {
      throw new IllegalArgumentException("target models " + problem);
    });
    List<String> shipped = TARGET_TOPS.stream()
        .filter(resource -> ShippedSentiment.class.getClassLoader().getResource(resource) != null)
        .limit(models).toList();
    if (shipped.isEmpty() || encoder.tapLayer() < 0) {
      return new SentenceLevelTargets(transformer(encoder));
    }
    List<TargetSentimentModel> members = shipped.stream().map(resource -> targetModel(encoder, resource)).toList();
    TargetSentimentModel model = members.size() == 1 ? members.getFirst() : new AveragedTargets(members);
    return new ConfidentTargets(model, new SentenceLevelTargets(transformer(encoder)), TARGET_MIN_CONFIDENCE);
  }

  /**
   * What is wrong with averaging {@code models} shipped target models, for the configuration's and
   * the command line's messages; empty when it is between 1 and {@link #TARGET_TOPS}' size.
   */
  public static java.util.Optional<String> targetModelsProblem(int models) {
    return models >= 1 && models <= TARGET_TOPS.size() ? java.util.Optional.empty()
        : java.util.Optional.of("must be between 1 and " + TARGET_TOPS.size()
            + " (the target-sentiment models voc ships), not " + models);
  }

  /** One shipped target model ({@code resource}, one of {@link #TARGET_TOPS}) beside {@code encoder}. */
  private static TargetSentimentModel targetModel(OnnxTextEncoder encoder, String resource) {
    BertTopFile.Weights targetTop = readTop(resource);
    TargetTransformer.PairFormat format = targetPairs(targetTop);
    if (encoder.tunedTop().isPresent() || encoder.tapLayer() != targetTop.firstLayer() - 1) {
      OnnxTextEncoder pairs = encoderModel().loadClassifier(EncoderSettings.defaults(), targetTop);
      return new TargetTransformer(pairs, format, version(resource, encoder));
    }
    return new TargetTransformer(encoder, loadTop(resource).top(), format, version(resource, encoder));
  }

  /** How the target model whose weights are {@code top} reads its pairs, as its header records. */
  public static TargetTransformer.PairFormat targetPairs(BertTopFile.Weights top) {
    return TargetTransformer.PairFormat.of(top.header().get("training"));
  }

  /** The fine-tuned sentiment layers; the service loads them once and keeps them. */
  private static BertTopFile.Loaded loadTop() {
    return loadTop(TOP);
  }

  /** Fine-tuned layers' weights from a classpath resource, with no engine loaded. */
  public static BertTopFile.Weights readTop(String resource) {
    try (InputStream in = open(resource)) {
      return BertTopFile.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load shipped model " + resource, e);
    }
  }

  /** Fine-tuned layers from a classpath resource. */
  public static BertTopFile.Loaded loadTop(String resource) {
    try (InputStream in = open(resource)) {
      return BertTopFile.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load shipped model " + resource, e);
    }
  }

  private static InputStream open(String resource) throws IOException {
    InputStream in = ShippedSentiment.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("no classpath resource " + resource);
    }
    return in;
  }

  public static EnsembleSentiment ensemble(CoreNlpSentiment coreNlp, TextEncoder encoder) {
    return new EnsembleSentiment(coreNlp, transformer(encoder), stacker(), version(STACKER, encoder));
  }

  private static String version(String resource, TextEncoder encoder) {
    String file = resource.substring(resource.lastIndexOf('/') + 1).replaceAll("\\.(json|bin)$", "");
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

package org.voc.models;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A BERT-style sentence encoder run by ONNX Runtime through DJL, with a HuggingFace tokenizer.
 *
 * <p>{@link #embed} tokenizes all texts, sorts them by token length and runs them in batches that
 * are padded only to their own longest text (see {@link LengthSortedBatches}); the vectors come
 * back in input order. Each calling thread gets its own predictor over one shared ONNX Runtime
 * session.
 */
public final class OnnxTextEncoder implements TextEncoder {

  private static final Logger LOG = LoggerFactory.getLogger(OnnxTextEncoder.class);

  private final String name;
  private final EncoderSettings settings;
  private final HuggingFaceTokenizer tokenizer;
  private final Model model;
  private final SessionOptions sessionOptions;
  private final PredictorPerThread<TokenBatch, EncoderTranslator.Output> predictors;
  private final int dimension;
  private final int tapLayer;
  private final TunedTop tunedTop;
  private final boolean vectors;

  /**
   * Texts encoded with an inner layer tapped: the unit vectors (null from a {@link #classifier}
   * encoder), per text the tapped layer's hidden states {@code [tokens[i]][dim]} flattened, without
   * padding, and, where the encoder's graph holds a tuned top, per text its class logits (else null).
   */
  public record Encoded(float[][] vectors, float[][] hidden, int[] tokens, float[][] logits) {
    public Encoded(float[][] vectors, float[][] hidden, int[] tokens) {
      this(vectors, hidden, tokens, null);
    }

    /** Texts {@code from} (inclusive) to {@code to} (exclusive) of this encoding, sharing their rows. */
    public Encoded slice(int from, int to) {
      return new Encoded(vectors == null ? null : Arrays.copyOfRange(vectors, from, to),
          hidden == null ? null : Arrays.copyOfRange(hidden, from, to),
          Arrays.copyOfRange(tokens, from, to),
          logits == null ? null : Arrays.copyOfRange(logits, from, to));
    }
  }

  /**
   * The fine-tuned top layers and classifier that ONNX Runtime runs inside this encoder's pass (see
   * {@link TunedTopGraph}): which layers, and the classes of {@link Encoded#logits}.
   */
  public record TunedTop(int firstLayer, int layers, List<String> classes) {
    public TunedTop {
      classes = List.copyOf(classes);
    }
  }

  private OnnxTextEncoder(
      String name,
      EncoderSettings settings,
      HuggingFaceTokenizer tokenizer,
      Model model,
      SessionOptions sessionOptions,
      Pooling pooling,
      int tapLayer,
      TunedTop tunedTop,
      boolean vectors) {
    this.name = name;
    this.vectors = vectors;
    this.tapLayer = tapLayer;
    this.tunedTop = tunedTop;
    this.settings = settings;
    this.tokenizer = tokenizer;
    this.model = model;
    this.sessionOptions = sessionOptions;
    EncoderTranslator translator = new EncoderTranslator(
            model.describeInput().keys(),
            vectors ? pooling : null,
            tapLayer < 0 ? null : OnnxGraph.layerOutput(tapLayer),
            tunedTop == null ? null : TunedTopGraph.LOGITS);
    this.predictors = new PredictorPerThread<>(() -> model.newPredictor(translator));
    // A first call sizes the output and warms the session up before real traffic.
    Encoded warm = run(List.of("warm up"), !vectors);
    this.dimension = vectors ? warm.vectors()[0].length : 0;
  }

  static OnnxTextEncoder load(EncoderModel encoder, EncoderSettings settings, int tapLayer) {
    return load(encoder, settings, tapLayer, null);
  }

  /**
   * {@code encoder} with {@code top} as a classifier alone: the graph keeps only what the top's
   * logits need, so the encoder's own layers above the top's first do not run (ONNX Runtime would
   * run them for the search vectors, which such an encoder does not give: {@link #embed} fails and
   * {@link Encoded#vectors} is null).
   */
  static OnnxTextEncoder classifier(EncoderModel encoder, EncoderSettings settings, BertTopFile.Weights top) {
    return load(encoder.id(), encoder.modelResource(), encoder.tokenizerResource(), encoder.pooling(),
        settings, -1, top, false);
  }

  /** As above, with {@code top} (null for none) run by ONNX Runtime in the same pass. */
  static OnnxTextEncoder load(
      EncoderModel encoder, EncoderSettings settings, int tapLayer, BertTopFile.Weights top) {
    return load(
        encoder.id(),
        encoder.modelResource(),
        encoder.tokenizerResource(),
        encoder.pooling(),
        settings,
        tapLayer,
        top,
        true);
  }

  /**
   * Loads an ONNX encoder that takes {@code input_ids}, {@code attention_mask} and optionally
   * {@code token_type_ids}, and outputs {@code last_hidden_state}.
   *
   * @param modelResource classpath resource of the {@code .onnx} file
   * @param tokenizerResource classpath resource of the HuggingFace {@code tokenizer.json}
   */
  public static OnnxTextEncoder load(
      String name,
      String modelResource,
      String tokenizerResource,
      Pooling pooling,
      EncoderSettings settings) {
    return load(name, modelResource, tokenizerResource, pooling, settings, -1);
  }

  /**
   * As {@link #load(String, String, String, Pooling, EncoderSettings)}, with the hidden state after
   * BERT layer {@code tapLayer} (0-based) also returned by {@link #encode}; -1 taps nothing.
   */
  public static OnnxTextEncoder load(
      String name,
      String modelResource,
      String tokenizerResource,
      Pooling pooling,
      EncoderSettings settings,
      int tapLayer) {
    return load(name, modelResource, tokenizerResource, pooling, settings, tapLayer, null, true);
  }

  private static OnnxTextEncoder load(
      String name,
      String modelResource,
      String tokenizerResource,
      Pooling pooling,
      EncoderSettings settings,
      int tapLayer,
      BertTopFile.Weights top,
      boolean vectors) {
    DjlProcessSettings.apply();
    long start = System.nanoTime();
    HuggingFaceTokenizer tokenizer = tokenizer(tokenizerResource, settings.maxTokens());
    SessionOptions options = new SessionOptions();
    Model model = null;
    try {
      model = onnxModel(name, modelResource, settings, options, tapLayer, top, vectors);
      TunedTop tuned = top == null ? null : new TunedTop(top.firstLayer(), top.layers(), top.classes());
      OnnxTextEncoder encoder =
          new OnnxTextEncoder(name, settings, tokenizer, model, options, pooling, tapLayer, tuned, vectors);
      LOG.info(
          "Encoder {} loaded in {} ms: {}, inputs {}, {}{}",
          name,
          (System.nanoTime() - start) / 1_000_000,
          vectors ? encoder.dimension + " dims" : "no search vectors",
          model.describeInput().keys(),
          settings,
          tuned == null ? "" : ", running tuned layers " + tuned.firstLayer() + "-"
              + (tuned.firstLayer() + tuned.layers() - 1) + " and a " + tuned.classes().size() + "-class classifier");
      return encoder;
    } catch (RuntimeException e) {
      if (model != null) {
        model.close();
      }
      options.close();
      tokenizer.close();
      throw e;
    }
  }

  @Override
  public String name() {
    return name;
  }

  /** The search vectors' dimension; 0 for a {@link #classifier} encoder, which gives none. */
  @Override
  public int dimension() {
    return dimension;
  }

  public EncoderSettings settings() {
    return settings;
  }

  @Override
  public float[][] embed(List<String> texts) {
    if (!vectors) {
      throw new IllegalStateException(name + " was loaded as a classifier alone and gives no vectors");
    }
    return run(texts, false).vectors();
  }

  /** The layer this encoder taps for {@link #encode}, or -1. */
  public int tapLayer() {
    return tapLayer;
  }

  /** The tuned top this encoder's graph runs, if any. */
  public java.util.Optional<TunedTop> tunedTop() {
    return java.util.Optional.ofNullable(tunedTop);
  }

  /**
   * The vectors and the tapped layer's hidden states of {@code texts}, and the tuned top's logits
   * where there is one; needs a tap layer or a tuned top (without a tap, the hidden states are null).
   */
  public Encoded encode(List<String> texts) {
    if (tapLayer < 0 && tunedTop == null) {
      throw new IllegalStateException(name + " was loaded without a tapped layer");
    }
    return run(texts, true);
  }

  /**
   * Where each token of each text stands in that text: per text {@code [tokens][2]} with the start
   * and end character (UTF-16) of the token, or {-1, -1} for [CLS], [SEP] and other special tokens.
   * The tokens are those {@link #encode} runs on (same tokenizer, same truncation), so row {@code t}
   * of a text's spans belongs to row {@code t} of its hidden states. Tokenizing again costs
   * microseconds, so a caller holding a cached {@link Encoded} asks for the spans alone.
   */
  public int[][][] tokenSpans(List<String> texts) {
    if (texts.isEmpty()) {
      return new int[0][][];
    }
    Encoding[] encodings = tokenizer.batchEncode(texts.toArray(String[]::new));
    int[][][] spans = new int[encodings.length][][];
    for (int i = 0; i < encodings.length; i++) {
      spans[i] = TokenOffsets.utf16Spans(texts.get(i), encodings[i]);
    }
    return spans;
  }

  /** The vectors, hidden states and token spans of {@code texts}. */
  public record EncodedWithSpans(Encoded encoded, int[][][] spans) {}

  /** {@link #encode} and {@link #tokenSpans} together. */
  public EncodedWithSpans encodeWithSpans(List<String> texts) {
    return new EncodedWithSpans(encode(texts), tokenSpans(texts));
  }

  private Encoded run(List<String> texts, boolean encoded) {
    // Fails once closed, before the native tokenizer is touched.
    Predictor<TokenBatch, EncoderTranslator.Output> predictor = predictors.get();
    if (texts.isEmpty()) {
      return new Encoded(new float[0][], new float[0][], new int[0], new float[0][]);
    }
    Encoding[] encodings = tokenizer.batchEncode(texts.toArray(String[]::new));
    int[] lengths = new int[encodings.length];
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] = encodings[i].getIds().length;
    }
    float[][] vectors = this.vectors ? new float[texts.size()][] : null;
    boolean keepHidden = encoded && tapLayer >= 0;
    float[][] hidden = keepHidden ? new float[texts.size()][] : null;
    float[][] logits = encoded && tunedTop != null ? new float[texts.size()][] : null;
    for (int[] positions :
        LengthSortedBatches.plan(lengths, settings.maxBatch(), settings.tokenBudget())) {
      TokenBatch batch = TokenBatch.pad(encodings, positions);
      EncoderTranslator.Output output = predict(predictor, batch);
      for (int row = 0; row < positions.length; row++) {
        if (vectors != null) {
          vectors[positions[row]] = output.vectors()[row];
        }
        if (logits != null) {
          logits[positions[row]] = output.logits()[row];
        }
        if (keepHidden) {
          int rowSize = lengths[positions[row]] * output.dim();
          hidden[positions[row]] = new float[rowSize];
          System.arraycopy(
              output.tapped(), row * batch.width() * output.dim(), hidden[positions[row]], 0, rowSize);
        }
      }
    }
    return new Encoded(vectors, hidden, lengths, logits);
  }

  private EncoderTranslator.Output predict(
      Predictor<TokenBatch, EncoderTranslator.Output> predictor, TokenBatch batch) {
    try {
      return predictor.predict(batch);
    } catch (TranslateException e) {
      throw new IllegalStateException(
          name + " failed on a batch of " + batch.rows() + " x " + batch.width() + " tokens", e);
    }
  }

  @Override
  public void close() {
    predictors.close();
    model.close();
    sessionOptions.close();
    tokenizer.close();
  }

  private static HuggingFaceTokenizer tokenizer(String resource, int maxTokens) {
    // Padding off: each batch is padded to its own longest text (some tokenizer.json files ask for
    // a fixed 128). Truncation on, counting [CLS] and [SEP].
    Map<String, String> options =
        Map.of(
            "padding", "false",
            "truncation", "true",
            "maxLength", Integer.toString(maxTokens),
            "addSpecialTokens", "true");
    try (InputStream in = open(resource)) {
      return HuggingFaceTokenizer.newInstance(in, options);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read tokenizer " + resource, e);
    }
  }

  private static Model onnxModel(String name, String resource, EncoderSettings settings,
      SessionOptions options, int tap, BertTopFile.Weights top, boolean vectors) {
    // DJL loads ONNX models from files; the resource sits inside a jar, so it is copied out and
    // deleted once ONNX Runtime has read it.
    Path dir = null;
    Model model = Model.newInstance(name, Device.cpu(), "OnnxRuntime");
    try {
      dir = Files.createTempDirectory("voc-encoder-");
      Path file = dir.resolve(name + ".onnx");
      try (InputStream in = open(resource)) {
        if (tap < 0 && top == null) {
          Files.copy(in, file);
        } else {
          byte[] original = in.readAllBytes();
          ByteArrayOutputStream added = new ByteArrayOutputStream();
          if (tap >= 0) {
            added.writeBytes(OnnxGraph.outputs(List.of(OnnxGraph.layerOutput(tap))));
          }
          if (top != null) {
            added.writeBytes(TunedTopGraph.graph(original, top));
          }
          if (vectors) {
            try (OutputStream out = Files.newOutputStream(file)) {
              out.write(original);
              OnnxGraph.writeGraph(out, added.toByteArray());
            }
          } else {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
              OnnxGraph.pruned(original, added.toByteArray(), List.of(TunedTopGraph.LOGITS), out);
            }
          }
        }
      }
      options.setIntraOpNumThreads(settings.intraOpThreads());
      // One operator at a time; the parallelism is inside operators.
      options.setInterOpNumThreads(1);
      options.addConfigEntry("session.intra_op.allow_spinning", settings.spinWait() ? "1" : "0");
      if (!vectors) {
        // A classifier session (the target models: one per model) allocates per run instead of
        // keeping an arena as large as the largest batch it met: with two target models voc serve
        // stayed at 2.96 GiB resident after 600 documents instead of 3.06 (2 GiB heap), and themes
        // and brands ran at 0.29x sentiment alone (0.28-0.32) against 0.32x (0.30-0.32) with arenas,
        // within this machine's noise.
        options.setCPUArenaAllocator(false);
        options.setMemoryPatternOptimization(false);
      }
      // Session options are objects, which Criteria's string options cannot carry.
      model.load(file, null, Map.of("sessionOptions", options));
      return model;
    } catch (IOException | OrtException | MalformedModelException e) {
      model.close();
      throw new IllegalStateException("Cannot load encoder " + name + " from " + resource, e);
    } finally {
      deleteQuietly(dir);
    }
  }

  private static InputStream open(String resource) throws IOException {
    InputStream in = OnnxTextEncoder.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("No classpath resource " + resource);
    }
    return in;
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      LOG.warn("Could not delete the temporary copy in {}: {}", dir, e.toString());
    }
  }
}

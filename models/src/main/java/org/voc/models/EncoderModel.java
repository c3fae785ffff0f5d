package org.voc.models;

/**
 * The sentence encoders voc ships: ONNX exports and tokenizers taken from Maven artifacts (the
 * langchain4j embedding jars, whose Java API is not used), so nothing is downloaded at run time.
 */
public enum EncoderModel {
  /** sentence-transformers/all-MiniLM-L6-v2: 6 layers, fast, trained with mean pooling. */
  MINILM_L6_V2("all-minilm-l6-v2", Pooling.MEAN, 6),
  /** BAAI/bge-small-en-v1.5: 12 layers, better retrieval, trained with CLS pooling. */
  BGE_SMALL_EN_V15("bge-small-en-v1.5", Pooling.CLS, 12);

  /** Both models produce vectors of this length. */
  public static final int DIMENSION = 384;

  private final String id;
  private final Pooling pooling;
  private final int layers;

  EncoderModel(String id, Pooling pooling, int layers) {
    this.id = id;
    this.pooling = pooling;
    this.layers = layers;
  }

  /** How many transformer layers the model has. */
  public int layers() {
    return layers;
  }

  /** The name the encoder reports and heads record, e.g. {@code all-minilm-l6-v2}. */
  public String id() {
    return id;
  }

  public Pooling pooling() {
    return pooling;
  }

  /** The ONNX model's classpath resource. */
  public String modelResource() {
    return id + ".onnx";
  }

  /** The HuggingFace {@code tokenizer.json}'s classpath resource. */
  public String tokenizerResource() {
    return id + "-tokenizer.json";
  }

  /** Loads the model and its tokenizer from the classpath (about a second). */
  public OnnxTextEncoder load(EncoderSettings settings) {
    return OnnxTextEncoder.load(this, settings, -1);
  }

  /** Loads the model with the hidden state after layer {@code tapLayer} (0-based) exposed. */
  public OnnxTextEncoder load(EncoderSettings settings, int tapLayer) {
    return OnnxTextEncoder.load(this, settings, tapLayer);
  }

  /**
   * Loads the model with the hidden state after layer {@code tapLayer} exposed (-1 for none) and the
   * fine-tuned {@code top} run by ONNX Runtime in the same pass: {@link OnnxTextEncoder#encode}
   * gives its logits too.
   */
  public OnnxTextEncoder load(EncoderSettings settings, int tapLayer, BertTopFile.Weights top) {
    return OnnxTextEncoder.load(this, settings, tapLayer, top);
  }

  /**
   * Loads the model as the classifier {@code top} alone: ONNX Runtime runs only the layers below
   * the top's first and the top, and {@link OnnxTextEncoder#encode} gives logits and no vectors.
   */
  public OnnxTextEncoder loadClassifier(EncoderSettings settings, BertTopFile.Weights top) {
    return OnnxTextEncoder.classifier(this, settings, top);
  }

  /** The model's weights, named as in its PyTorch module (see {@link OnnxGraph#weights}). */
  public java.util.Map<String, OnnxGraph.Tensor> weights() {
    try (java.io.InputStream in =
        EncoderModel.class.getClassLoader().getResourceAsStream(modelResource())) {
      if (in == null) {
        throw new IllegalStateException("No classpath resource " + modelResource());
      }
      return OnnxGraph.weights(in.readAllBytes());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public OnnxTextEncoder load() {
    return load(EncoderSettings.defaults());
  }
}

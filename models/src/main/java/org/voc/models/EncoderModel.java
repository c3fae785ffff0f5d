package org.voc.models;

/**
 * The sentence encoders voc ships: ONNX exports and tokenizers taken from Maven artifacts (the
 * langchain4j embedding jars, whose Java API is not used), so nothing is downloaded at run time.
 */
public enum EncoderModel {
  /** sentence-transformers/all-MiniLM-L6-v2: 6 layers, fast, trained with mean pooling. */
  MINILM_L6_V2("all-minilm-l6-v2", Pooling.MEAN),
  /** BAAI/bge-small-en-v1.5: 12 layers, better retrieval, trained with CLS pooling. */
  BGE_SMALL_EN_V15("bge-small-en-v1.5", Pooling.CLS);

  /** Both models produce vectors of this length. */
  public static final int DIMENSION = 384;

  private final String id;
  private final Pooling pooling;

  EncoderModel(String id, Pooling pooling) {
    this.id = id;
    this.pooling = pooling;
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
    return OnnxTextEncoder.load(this, settings);
  }

  public OnnxTextEncoder load() {
    return load(EncoderSettings.defaults());
  }
}

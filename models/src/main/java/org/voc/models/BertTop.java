package org.voc.models;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The top layers of a BERT encoder and a classifier over its {@code [CLS]} vector, on DJL's PyTorch
 * engine: what {@code voc train sentiment} fine-tunes. It starts from the hidden state an ONNX
 * encoder gives after layer {@code firstLayer - 1} (see {@link OnnxGraph#layerOutput}), so the
 * layers below are shared with the encoder that makes the search vectors and run once.
 *
 * <p>Weights are named as in the HuggingFace module ({@code encoder.layer.11.output.dense.weight},
 * {@code classifier.weight}), linear weights laid out {@code [in, out]} like the ONNX export.
 * The classifier sees the L2-normalized {@code [CLS]} vector, the same input as a {@link
 * SoftmaxHead} trained on the frozen encoder, which can therefore seed it.
 */
public final class BertTop implements AutoCloseable {

  /** bge-small and MiniLM: 384 wide, 12 heads of 32, 1,536-wide feed-forward. */
  public record Dimensions(int hidden, int heads, int intermediate, double layerNormEps) {
    public static final Dimensions SMALL = new Dimensions(384, 12, 1536, 1e-12);
  }

  private static final String[] LAYER_WEIGHTS = {
    "attention.self.query", "attention.self.key", "attention.self.value",
    "attention.output.dense", "intermediate.dense", "output.dense",
  };
  private static final String[] LAYER_NORMS = {"attention.output.LayerNorm", "output.LayerNorm"};

  private final int firstLayer;
  private final int layers;
  private final Dimensions shape;
  private final List<String> classes;
  private final Map<String, Parameter> parameters = new LinkedHashMap<>();

  /**
   * @param weights at least every weight of layers {@code firstLayer .. firstLayer + layers - 1}
   *     and {@code classifier.weight} ({@code [hidden, classes]}) and {@code classifier.bias}
   */
  public BertTop(
      NDManager manager,
      int firstLayer,
      int layers,
      Dimensions shape,
      List<String> classes,
      Map<String, OnnxGraph.Tensor> weights) {
    this.firstLayer = firstLayer;
    this.layers = layers;
    this.shape = shape;
    this.classes = List.copyOf(classes);
    for (String name : parameterNames()) {
      OnnxGraph.Tensor tensor = weights.get(name);
      if (tensor == null) {
        throw new IllegalArgumentException("missing weight " + name);
      }
      NDArray array = manager.create(tensor.data(), new Shape(tensor.shape()));
      Parameter parameter =
          Parameter.builder()
              .setName(name)
              .setType(name.endsWith("bias") || name.contains("LayerNorm")
                  ? Parameter.Type.BIAS : Parameter.Type.WEIGHT)
              .optRequiresGrad(true)
              .build();
      parameter.setArray(array);
      parameters.put(name, parameter);
    }
  }

  public int firstLayer() {
    return firstLayer;
  }

  public int layers() {
    return layers;
  }

  public Dimensions shape() {
    return shape;
  }

  public List<String> classes() {
    return classes;
  }

  /** Every weight this holds, in a fixed order. */
  List<String> parameterNames() {
    List<String> names = new ArrayList<>();
    for (int layer = firstLayer; layer < firstLayer + layers; layer++) {
      String prefix = "encoder.layer." + layer + ".";
      for (String module : LAYER_WEIGHTS) {
        names.add(prefix + module + ".weight");
        names.add(prefix + module + ".bias");
      }
      for (String norm : LAYER_NORMS) {
        names.add(prefix + norm + ".weight");
        names.add(prefix + norm + ".bias");
      }
    }
    names.add("classifier.weight");
    names.add("classifier.bias");
    return names;
  }

  Map<String, Parameter> parameters() {
    return parameters;
  }

  /** The current weights, copied out. */
  public Map<String, OnnxGraph.Tensor> weights() {
    Map<String, OnnxGraph.Tensor> copy = new LinkedHashMap<>();
    for (Parameter parameter : parameters.values()) {
      NDArray array = parameter.getArray();
      copy.put(parameter.getName(), new OnnxGraph.Tensor(
          parameter.getName(), array.getShape().getShape(), array.toFloatArray()));
    }
    return copy;
  }

  /**
   * Folds a {@link PriorCalibration} into the classifier: its logits become {@code z / T + b}, so
   * its probabilities are the calibrated ones.
   */
  public void recalibrate(PriorCalibration calibration) {
    Map<String, OnnxGraph.Tensor> weights = weights();
    float[] w = weights.get("classifier.weight").data();
    float[] b = weights.get("classifier.bias").data();
    double t = calibration.temperature();
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (w[i] / t);
    }
    for (int c = 0; c < b.length; c++) {
      b[c] = (float) (b[c] / t + calibration.offsets()[c]);
    }
    setWeights(weights);
  }

  /** Overwrites the weights with {@code weights} (same names and shapes as {@link #weights}). */
  public void setWeights(Map<String, OnnxGraph.Tensor> weights) {
    for (Parameter parameter : parameters.values()) {
      OnnxGraph.Tensor tensor = weights.get(parameter.getName());
      if (tensor == null || tensor.data().length != parameter.getArray().size()) {
        throw new IllegalArgumentException("no weight of the right size for " + parameter.getName());
      }
      parameter.getArray().set(java.nio.FloatBuffer.wrap(tensor.data()));
    }
  }

  /**
   * Class logits {@code [rows, classes]} for hidden states {@code [rows, width, hidden]} and a
   * mask {@code [rows, width]} (1 real token, 0 padding). With {@code training}, dropout is on.
   */
  NDArray logits(ParameterStore store, NDArray hidden, NDArray mask, boolean training) {
    NDArray features = dropout(sentenceVectors(store, hidden, mask, training), training);
    return features.matMul(value(store, "classifier.weight", training))
        .add(value(store, "classifier.bias", training));
  }

  /** The L2-normalized {@code [CLS]} vectors {@code [rows, hidden]} after the top layers. */
  NDArray sentenceVectors(ParameterStore store, NDArray hidden, NDArray mask, boolean training) {
    // Padding gets a large negative score before the softmax, so attention ignores it.
    NDArray maskAdd = mask.expandDims(1).expandDims(1).sub(1f).mul(1e9f);
    NDArray x = hidden;
    for (int layer = firstLayer; layer < firstLayer + layers; layer++) {
      x = layer(store, "encoder.layer." + layer + ".", x, maskAdd, training);
    }
    NDArray cls = x.get(":, 0, :");
    return cls.div(cls.norm(new int[] {1}, true).maximum(1e-12f));
  }

  private NDArray layer(
      ParameterStore store, String p, NDArray x, NDArray maskAdd, boolean training) {
    long rows = x.getShape().get(0);
    long width = x.getShape().get(1);
    int heads = shape.heads();
    int headSize = shape.hidden() / heads;
    NDArray q = heads(linear(store, p + "attention.self.query", x, training), rows, width, heads, headSize);
    NDArray k = heads(linear(store, p + "attention.self.key", x, training), rows, width, heads, headSize);
    NDArray v = heads(linear(store, p + "attention.self.value", x, training), rows, width, heads, headSize);
    NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).div((float) Math.sqrt(headSize)).add(maskAdd);
    NDArray attention = dropout(scores.softmax(-1), training);
    NDArray context =
        attention.matMul(v).transpose(0, 2, 1, 3).reshape(rows, width, shape.hidden());
    NDArray attended =
        dropout(linear(store, p + "attention.output.dense", context, training), training);
    NDArray x1 = layerNorm(store, p + "attention.output.LayerNorm", attended.add(x), training);
    NDArray inner = Activation.gelu(linear(store, p + "intermediate.dense", x1, training));
    NDArray out = dropout(linear(store, p + "output.dense", inner, training), training);
    return layerNorm(store, p + "output.LayerNorm", out.add(x1), training);
  }

  private static NDArray heads(NDArray x, long rows, long width, int heads, int headSize) {
    return x.reshape(rows, width, heads, headSize).transpose(0, 2, 1, 3);
  }

  private NDArray linear(ParameterStore store, String module, NDArray x, boolean training) {
    return x.matMul(value(store, module + ".weight", training))
        .add(value(store, module + ".bias", training));
  }

  private NDArray layerNorm(ParameterStore store, String module, NDArray x, boolean training) {
    NDList out = x.getNDArrayInternal().layerNorm(
        x, new Shape(shape.hidden()),
        value(store, module + ".weight", training),
        value(store, module + ".bias", training),
        (float) shape.layerNormEps());
    return out.singletonOrThrow();
  }

  private static NDArray dropout(NDArray x, boolean training) {
    return training ? x.getNDArrayInternal().dropout(x, 0.1f, true).singletonOrThrow() : x;
  }

  private NDArray value(ParameterStore store, String name, boolean training) {
    return store.getValue(parameters.get(name), Device.cpu(), training);
  }

  /**
   * Class probabilities for hidden states from {@link OnnxTextEncoder#encode} (its tap layer must
   * be {@code firstLayer - 1}), in length-sorted batches; inference only.
   */
  public float[][] probabilities(float[][] hidden, int[] tokens) {
    return perClass(hidden, tokens, true);
  }

  /** Class logits, as {@link #probabilities} gives them before the softmax. */
  public float[][] logits(float[][] hidden, int[] tokens) {
    return perClass(hidden, tokens, false);
  }

  private float[][] perClass(float[][] hidden, int[] tokens, boolean softmax) {
    float[][] probabilities = new float[hidden.length][];
    forBatches(hidden, tokens, (store, batch, x, mask) -> {
      NDArray logits = logits(store, x, mask, false);
      float[] p = (softmax ? logits.softmax(1) : logits).toFloatArray();
      for (int row = 0; row < batch.length; row++) {
        probabilities[batch[row]] =
            java.util.Arrays.copyOfRange(p, row * classes.size(), (row + 1) * classes.size());
      }
    });
    return probabilities;
  }

  /** The unit {@code [CLS]} vectors after the top layers; what the classifier sees. */
  float[][] sentenceVectors(float[][] hidden, int[] tokens) {
    float[][] vectors = new float[hidden.length][];
    forBatches(hidden, tokens, (store, batch, x, mask) -> {
      float[] v = sentenceVectors(store, x, mask, false).toFloatArray();
      for (int row = 0; row < batch.length; row++) {
        vectors[batch[row]] =
            java.util.Arrays.copyOfRange(v, row * shape.hidden(), (row + 1) * shape.hidden());
      }
    });
    return vectors;
  }

  private interface BatchWork {
    void run(ParameterStore store, int[] batch, NDArray hidden, NDArray mask);
  }

  private void forBatches(float[][] hidden, int[] tokens, BatchWork work) {
    NDManager base = parameters.values().iterator().next().getArray().getManager();
    for (int[] batch : LengthSortedBatches.plan(tokens, 32, 4096)) {
      try (NDManager manager = base.newSubManager()) {
        ParameterStore store = new ParameterStore(manager, false);
        NDArray[] padded = pad(manager, hidden, tokens, batch, shape.hidden());
        work.run(store, batch, padded[0], padded[1]);
      }
    }
  }

  /** Hidden states {@code [rows, width, dim]} padded with zeros, and the mask {@code [rows, width]}. */
  static NDArray[] pad(NDManager manager, float[][] hidden, int[] tokens, int[] batch, int dim) {
    int width = 0;
    for (int i : batch) {
      width = Math.max(width, tokens[i]);
    }
    float[] x = new float[batch.length * width * dim];
    float[] mask = new float[batch.length * width];
    for (int row = 0; row < batch.length; row++) {
      int i = batch[row];
      System.arraycopy(hidden[i], 0, x, row * width * dim, tokens[i] * dim);
      java.util.Arrays.fill(mask, row * width, row * width + tokens[i], 1f);
    }
    return new NDArray[] {
      manager.create(x, new Shape(batch.length, width, dim)),
      manager.create(mask, new Shape(batch.length, width))
    };
  }

  @Override
  public void close() {
    for (Parameter parameter : parameters.values()) {
      parameter.close();
    }
  }
}

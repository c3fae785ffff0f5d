package org.voc.models;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves and loads a fine-tuned {@link BertTop}: the magic {@code VOCTOP1}, a JSON header (encoder,
 * layers, dimensions, classes, tensor names and shapes, and whatever the trainer recorded), then
 * every tensor, big-endian, in the {@link Precision} the header gives it: IEEE half floats (the
 * default, and what files without an {@code encoding} hold: two 384-wide layers take 7 MB, and the
 * probabilities move by less than 1e-3), or, for matrices, 8-bit integers with a half-float scale
 * per row (half that again, for tops of many layers), either of the weights themselves or of their
 * difference from the base encoder's (named by the header's {@code encoder}; read from its ONNX
 * file again on load).
 */
public final class BertTopFile {

  private static final byte[] MAGIC = "VOCTOP1".getBytes(StandardCharsets.US_ASCII);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A loaded top, the header it came with, and the PyTorch manager that holds its weights. */
  public record Loaded(BertTop top, String encoder, JsonNode header, NDManager manager)
      implements AutoCloseable {
    @Override
    public void close() {
      top.close();
      manager.close();
    }
  }

  private BertTopFile() {}

  /** How a file stores its tensors. */
  public enum Precision {
    /** Every tensor as half floats. */
    HALF,
    /**
     * Matrices as symmetric 8-bit integers, each row (the first dimension) with its own half-float
     * scale (its largest magnitude / 127); vectors (biases, layer norms) as half floats.
     */
    INT8,
    /**
     * As {@link #INT8}, but a matrix the base encoder also has (same name and shape) is stored as its
     * difference from the base's: fine-tuning moves weights little, so the rows' scales, and with them
     * the rounding, are far smaller than the weights'. Eleven tuned layers quantized directly lose
     * about half a point of SST-2 accuracy; their differences, nothing measurable.
     */
    INT8_DELTA
  }

  private static final String INT8_ROWS = "int8-rows";
  private static final String INT8_DELTA_ROWS = "int8-delta-rows";

  public static void save(BertTop top, String encoder, Map<String, Object> training, Path file)
      throws IOException {
    save(top, encoder, training, file, Precision.HALF);
  }

  /** Saves {@code top} with its matrices in {@code precision}. */
  public static void save(BertTop top, String encoder, Map<String, Object> training, Path file,
      Precision precision) throws IOException {
    save(top.weights(), top.firstLayer(), top.layers(), top.shape(), top.classes(), encoder,
        JSON.valueToTree(training), file, precision);
  }

  /** Writes {@code weights} again in {@code precision}, with the same header otherwise. */
  public static void save(Weights weights, Path file, Precision precision) throws IOException {
    save(weights.tensors(), weights.firstLayer(), weights.layers(), weights.dimensions(), weights.classes(),
        weights.encoder(), weights.header().get("training"), file, precision);
  }

  /**
   * Copies {@code from} to {@code to} with the header's {@code training} object replaced by {@code
   * training} (to record what a file's training left out); the weights' bytes are copied as they are.
   */
  public static void rewriteTraining(Path from, Path to, JsonNode training) throws IOException {
    byte[] bytes = Files.readAllBytes(from);
    ObjectNode header;
    int weightsAt;
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
      header = (ObjectNode) header(in);
      weightsAt = bytes.length - in.available();
    }
    header.set("training", training);
    byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(header);
    try (OutputStream raw = Files.newOutputStream(to);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
      out.write(MAGIC);
      out.writeInt(json.length);
      out.write(json);
      out.write(bytes, weightsAt, bytes.length - weightsAt);
    }
  }

  private static void save(Map<String, OnnxGraph.Tensor> weights, int firstLayer, int layers,
      BertTop.Dimensions dimensions, List<String> classes, String encoder, JsonNode training, Path file,
      Precision precision) throws IOException {
    Map<String, OnnxGraph.Tensor> base = precision == Precision.INT8_DELTA ? baseWeights(encoder) : Map.of();
    ObjectNode header = JSON.createObjectNode();
    header.put("encoder", encoder);
    header.put("firstLayer", firstLayer);
    header.put("layers", layers);
    header.set("dimensions", JSON.valueToTree(dimensions));
    header.set("classes", JSON.valueToTree(classes));
    ArrayNode tensors = header.putArray("tensors");
    for (OnnxGraph.Tensor tensor : weights.values()) {
      ObjectNode entry = tensors.addObject().put("name", tensor.name());
      entry.set("shape", JSON.valueToTree(tensor.shape()));
      if (delta(tensor, base)) {
        entry.put("encoding", INT8_DELTA_ROWS);
      } else if (int8(tensor, precision)) {
        entry.put("encoding", INT8_ROWS);
      }
    }
    header.set("training", training);
    byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(header);
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream raw = Files.newOutputStream(file);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
      out.write(MAGIC);
      out.writeInt(json.length);
      out.write(json);
      for (OnnxGraph.Tensor tensor : weights.values()) {
        if (delta(tensor, base)) {
          float[] data = tensor.data().clone();
          float[] from = base.get(tensor.name()).data();
          for (int i = 0; i < data.length; i++) {
            data[i] -= from[i];
          }
          writeInt8Rows(out, new OnnxGraph.Tensor(tensor.name(), tensor.shape(), data));
        } else if (int8(tensor, precision)) {
          writeInt8Rows(out, tensor);
        } else {
          for (float value : tensor.data()) {
            out.writeShort(Float.floatToFloat16(value));
          }
        }
      }
    }
  }

  private static boolean int8(OnnxGraph.Tensor tensor, Precision precision) {
    return precision != Precision.HALF && tensor.shape().length == 2;
  }

  private static boolean delta(OnnxGraph.Tensor tensor, Map<String, OnnxGraph.Tensor> base) {
    OnnxGraph.Tensor from = base.get(tensor.name());
    return tensor.shape().length == 2 && from != null && java.util.Arrays.equals(from.shape(), tensor.shape());
  }

  /** The weights of the encoder {@code id} names, which delta-encoded matrices are differences from. */
  private static Map<String, OnnxGraph.Tensor> baseWeights(String id) {
    for (EncoderModel model : EncoderModel.values()) {
      if (model.id().equals(id)) {
        return model.weights();
      }
    }
    throw new IllegalArgumentException("8-bit differences need a base encoder voc ships, not " + id);
  }

  private static void writeInt8Rows(DataOutputStream out, OnnxGraph.Tensor tensor) throws IOException {
    int rows = Math.toIntExact(tensor.shape()[0]);
    int width = Math.toIntExact(tensor.shape()[1]);
    float[] data = tensor.data();
    byte[] row = new byte[width];
    for (int r = 0; r < rows; r++) {
      float max = 0;
      for (int c = 0; c < width; c++) {
        max = Math.max(max, Math.abs(data[r * width + c]));
      }
      short scale = Float.floatToFloat16(max / 127f);
      float step = Float.float16ToFloat(scale); // quantize with the scale the reader will use
      for (int c = 0; c < width; c++) {
        row[c] = step == 0 ? 0 : (byte) Math.max(-127, Math.min(127, Math.round(data[r * width + c] / step)));
      }
      out.writeShort(scale);
      out.write(row);
    }
  }

  private static float[] readInt8Rows(DataInputStream in, long[] shape) throws IOException {
    int rows = Math.toIntExact(shape[0]);
    int width = Math.toIntExact(shape[1]);
    float[] data = new float[rows * width];
    byte[] row = new byte[width];
    for (int r = 0; r < rows; r++) {
      float step = Float.float16ToFloat(in.readShort());
      in.readFully(row);
      for (int c = 0; c < width; c++) {
        data[r * width + c] = row[c] * step;
      }
    }
    return data;
  }

  /** The JSON header alone (cheap: the weights are not read). */
  public static JsonNode header(InputStream stream) throws IOException {
    return header(new DataInputStream(new BufferedInputStream(stream, 1 << 16)));
  }

  private static JsonNode header(DataInputStream in) throws IOException {
    byte[] magic = in.readNBytes(MAGIC.length);
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new IOException("not a voc fine-tuned encoder top");
    }
    return JSON.readTree(in.readNBytes(in.readInt()));
  }

  /** Loads the weights onto a new PyTorch manager, which {@link Loaded#close} closes. */
  public static Loaded load(InputStream stream) throws IOException {
    DjlProcessSettings.apply();
    NDManager manager = Engine.getEngine("PyTorch").newBaseManager(Device.cpu());
    try {
      return load(manager, stream);
    } catch (IOException | RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** A new top with the given weights on its own PyTorch manager, for training. */
  public static Loaded create(int firstLayer, int layers, BertTop.Dimensions dimensions,
      List<String> classes, Map<String, OnnxGraph.Tensor> weights) {
    DjlProcessSettings.apply();
    NDManager manager = Engine.getEngine("PyTorch").newBaseManager(Device.cpu());
    return new Loaded(new BertTop(manager, firstLayer, layers, dimensions, classes, weights), "",
        JSON.createObjectNode(), manager);
  }

  /**
   * A top's weights as the file holds them, read with no engine: what ONNX Runtime needs to run the
   * top inside the encoder's graph (see {@link TunedTopGraph#graph}).
   */
  public record Weights(String encoder, JsonNode header, int firstLayer, int layers,
      BertTop.Dimensions dimensions, List<String> classes, Map<String, OnnxGraph.Tensor> tensors) {
    public Weights {
      classes = List.copyOf(classes);
      tensors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }
  }

  /** The header and weights, as floats, without loading PyTorch. */
  public static Weights read(InputStream stream) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
    JsonNode header = header(in);
    Map<String, OnnxGraph.Tensor> weights = new LinkedHashMap<>();
    Map<String, OnnxGraph.Tensor> base = null;
    for (JsonNode tensor : header.get("tensors")) {
      long[] shape = JSON.treeToValue(tensor.get("shape"), long[].class);
      long size = 1;
      for (long d : shape) {
        size *= d;
      }
      float[] data;
      String encoding = tensor.path("encoding").asText(null);
      if (INT8_DELTA_ROWS.equals(encoding)) {
        if (base == null) {
          base = baseWeights(header.get("encoder").asText());
        }
        OnnxGraph.Tensor from = base.get(tensor.get("name").asText());
        if (from == null || !java.util.Arrays.equals(from.shape(), shape)) {
          throw new IOException("the base encoder has no " + tensor.get("name").asText() + " of shape "
              + java.util.Arrays.toString(shape));
        }
        data = readInt8Rows(in, shape);
        for (int i = 0; i < data.length; i++) {
          data[i] += from.data()[i];
        }
      } else if (INT8_ROWS.equals(encoding)) {
        data = readInt8Rows(in, shape);
      } else {
        data = new float[Math.toIntExact(size)];
        for (int i = 0; i < data.length; i++) {
          data[i] = Float.float16ToFloat(in.readShort());
        }
      }
      String name = tensor.get("name").asText();
      weights.put(name, new OnnxGraph.Tensor(name, shape, data));
    }
    List<String> classes = new ArrayList<>();
    header.get("classes").forEach(c -> classes.add(c.asText()));
    return new Weights(header.get("encoder").asText(), header, header.get("firstLayer").asInt(),
        header.get("layers").asInt(), JSON.treeToValue(header.get("dimensions"), BertTop.Dimensions.class),
        classes, weights);
  }

  private static Loaded load(NDManager manager, InputStream stream) throws IOException {
    Weights read = read(stream);
    BertTop top = new BertTop(manager, read.firstLayer(), read.layers(), read.dimensions(), read.classes(),
        read.tensors());
    return new Loaded(top, read.encoder(), read.header(), manager);
  }
}

package org.voc.models;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and extends an ONNX model file at the protobuf wire level, with no ONNX library: the
 * weights of a HuggingFace BERT export, and extra graph outputs. Field numbers are those of {@code
 * onnx.proto} (ModelProto.graph = 7; GraphProto.node = 1, initializer = 5, output = 12; NodeProto
 * input = 1, name = 3, op_type = 4; TensorProto dims = 1, data_type = 2, name = 8, raw_data = 9).
 */
public final class OnnxGraph {

  /** A float tensor, row-major. */
  public record Tensor(String name, long[] shape, float[] data) {}

  static final int FLOAT = 1;

  private OnnxGraph() {}

  /** The name ONNX Runtime gives the hidden state after BERT layer {@code layer} (0-based). */
  static String layerOutput(int layer) {
    return "/encoder/layer." + layer + "/output/LayerNorm/Add_1_output_0";
  }

  /**
   * The float weights under the names of the PyTorch module they were exported from. Exports keep
   * those names for biases and norms but turn each {@code Linear} weight into an anonymous
   * transposed {@code MatMul} input; it is named here after its node ({@code
   * /encoder/layer.3/attention/self/query/MatMul} gives {@code
   * encoder.layer.3.attention.self.query.weight}), laid out {@code [in, out]}.
   */
  static Map<String, Tensor> weights(byte[] model) {
    try {
      byte[] graph = graphOf(model);
      Map<String, Tensor> initializers = new LinkedHashMap<>();
      Map<String, String> matMulInputs = new HashMap<>();
      CodedInputStream in = CodedInputStream.newInstance(graph);
      in.setSizeLimit(Integer.MAX_VALUE);
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        switch (tag >>> 3) {
          case 5 -> {
            Tensor tensor = tensor(in.readByteArray());
            if (tensor != null) {
              initializers.put(tensor.name(), tensor);
            }
          }
          case 1 -> matMul(Node.parse(in.readByteArray()), matMulInputs);
          default -> in.skipField(tag);
        }
      }
      Map<String, Tensor> named = new LinkedHashMap<>();
      for (Tensor tensor : initializers.values()) {
        String name = matMulInputs.getOrDefault(tensor.name(), tensor.name());
        named.put(name, new Tensor(name, tensor.shape(), tensor.data()));
      }
      return named;
    } catch (IOException e) {
      throw new UncheckedIOException("Not a readable ONNX model", e);
    }
  }

  /**
   * A GraphProto holding only {@code names} as outputs (float tensors of any shape), to merge into a
   * model's graph: protobuf merges a message field that appears twice, so a second {@code graph}
   * holding only the new outputs is appended rather than the model rewritten.
   */
  static byte[] outputs(List<String> names) {
    try {
      return message(out -> {
        for (String name : names) {
          out.writeByteArray(12, valueInfo(name));
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The model with {@code graph}, a serialized GraphProto, merged into its graph (see above). */
  static byte[] withGraph(byte[] model, byte[] graph) {
    ByteArrayOutputStream extended = new ByteArrayOutputStream(model.length + graph.length + 16);
    extended.writeBytes(model);
    writeGraph(extended, graph);
    return extended.toByteArray();
  }

  /**
   * Writes {@code graph} as a ModelProto field, to follow a model's bytes: the two merge. Two
   * serialized GraphProtos one after the other merge too, so several may be passed concatenated.
   */
  static void writeGraph(java.io.OutputStream model, byte[] graph) {
    try {
      CodedOutputStream tail = CodedOutputStream.newInstance(model);
      tail.writeByteArray(7, graph);
      tail.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] valueInfo(String name) throws IOException {
    // ValueInfoProto{name = 1, type = 2: TypeProto{tensor_type = 1: Tensor{elem_type = 1}}}
    byte[] tensorType = message(out -> out.writeInt32(1, FLOAT));
    byte[] type = message(out -> out.writeByteArray(1, tensorType));
    return message(
        out -> {
          out.writeString(1, name);
          out.writeByteArray(2, type);
        });
  }

  interface Writer {
    void write(CodedOutputStream out) throws IOException;
  }

  static byte[] message(Writer writer) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    writer.write(out);
    out.flush();
    return bytes.toByteArray();
  }

  private static byte[] graphOf(byte[] model) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(model);
    in.setSizeLimit(Integer.MAX_VALUE);
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag >>> 3 == 7) {
        return in.readByteArray();
      }
      in.skipField(tag);
    }
    throw new IOException("no graph in the model");
  }

  /** A NodeProto's name, op and tensors, and its bytes. */
  record Node(String name, String op, List<String> inputs, List<String> outputs, byte[] proto) {

    static Node parse(byte[] proto) throws IOException {
      CodedInputStream in = CodedInputStream.newInstance(proto);
      List<String> inputs = new ArrayList<>();
      List<String> outputs = new ArrayList<>();
      String name = "";
      String op = "";
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        switch (tag >>> 3) {
          case 1 -> inputs.add(in.readString());
          case 2 -> outputs.add(in.readString());
          case 3 -> name = in.readString();
          case 4 -> op = in.readString();
          default -> in.skipField(tag);
        }
      }
      return new Node(name, op, inputs, outputs, proto);
    }
  }

  /** Records a Linear's weight input under its module's name (see {@link #weights}). */
  static void matMul(Node node, Map<String, String> matMulInputs) {
    String name = node.name();
    if (node.op().equals("MatMul") && node.inputs().size() == 2 && name.endsWith("/MatMul")) {
      String module = name.substring(1, name.length() - "/MatMul".length()).replace('/', '.');
      matMulInputs.put(node.inputs().get(1), module + ".weight");
    }
  }

  /** A float tensor with raw little-endian data, or null for any other kind. */
  private static Tensor tensor(byte[] proto) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(proto);
    in.setSizeLimit(Integer.MAX_VALUE);
    List<Long> dims = new ArrayList<>();
    int type = 0;
    String name = "";
    byte[] raw = null;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag >>> 3) {
        case 1 -> {
          if ((tag & 7) == 2) { // packed
            int limit = in.pushLimit(in.readRawVarint32());
            while (in.getBytesUntilLimit() > 0) {
              dims.add(in.readInt64());
            }
            in.popLimit(limit);
          } else {
            dims.add(in.readInt64());
          }
        }
        case 2 -> type = in.readInt32();
        case 8 -> name = in.readString();
        case 9 -> raw = in.readByteArray();
        default -> in.skipField(tag);
      }
    }
    if (type != FLOAT || raw == null) {
      return null;
    }
    float[] data = new float[raw.length / Float.BYTES];
    ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
    return new Tensor(name, dims.stream().mapToLong(Long::longValue).toArray(), data);
  }
}

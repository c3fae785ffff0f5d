package org.voc.models;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.UnsafeByteOperations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

  /**
   * {@code model} cut down to what {@code outputs} need: ONNX Runtime runs every node of a graph,
   * whatever outputs a caller fetches, so nodes no kept output depends on are dropped, with the
   * initializers and value infos only they read, and the graph's outputs become {@code outputs}.
   * The inputs stay as they are. Fails on a graph with subgraphs (If, Loop, Scan), whose implicit
   * inputs this does not follow, and when an output is not computed by the graph.
   */
  static byte[] pruned(byte[] model, Collection<String> outputs) {
    ByteArrayOutputStream result = new ByteArrayOutputStream();
    try {
      pruned(model, new byte[0], outputs, result);
    } catch (IOException e) {
      throw new UncheckedIOException("Not a readable ONNX model", e);
    }
    return result.toByteArray();
  }

  /**
   * As {@link #pruned(byte[], Collection)} for {@code model} with {@code graph} (a serialized
   * GraphProto) merged into its graph, written to {@code out}. Neither array is copied: the fields
   * are read as views of them and written straight out, so a 130 MB encoder is pruned in little
   * more heap than it and the graph take (concatenating and copying took about 1 GB).
   */
  static void pruned(byte[] model, byte[] graph, Collection<String> outputs, java.io.OutputStream out)
      throws IOException {
    List<Field> fields = new ArrayList<>();
    ByteArrayOutputStream rest = new ByteArrayOutputStream();
    CodedOutputStream restOut = CodedOutputStream.newInstance(rest);
    CodedInputStream in = aliasing(UnsafeByteOperations.unsafeWrap(model));
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag >>> 3 == 7) {
        graphFields(in.readBytes(), fields); // GraphProtos merge: their fields concatenate
      } else {
        in.skipField(tag, restOut);
      }
    }
    restOut.flush();
    graphFields(UnsafeByteOperations.unsafeWrap(graph), fields);
    List<Field> kept = kept(fields, Set.copyOf(outputs));
    long size = 0;
    for (Field field : kept) {
      size += CodedOutputStream.computeBytesSize(field.number(), field.bytes());
    }
    CodedOutputStream written = CodedOutputStream.newInstance(out);
    written.writeRawBytes(rest.toByteArray());
    written.writeTag(7, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
    written.writeUInt32NoTag(Math.toIntExact(size));
    for (Field field : kept) {
      written.writeBytes(field.number(), field.bytes());
    }
    written.flush();
  }

  /** A reader of {@code bytes} whose length-delimited fields are views of them, not copies. */
  private static CodedInputStream aliasing(ByteString bytes) {
    CodedInputStream in = bytes.newCodedInput();
    in.enableAliasing(true);
    in.setSizeLimit(Integer.MAX_VALUE);
    return in;
  }

  private record Field(int number, ByteString bytes) {}

  private static void graphFields(ByteString graph, List<Field> fields) throws IOException {
    CodedInputStream in = aliasing(graph);
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if ((tag & 7) != 2) {
        throw new IOException("unexpected field " + (tag >>> 3) + " in the graph");
      }
      fields.add(new Field(tag >>> 3, in.readBytes()));
    }
  }

  /** The graph's fields that {@code outputs} need, in order. */
  private static List<Field> kept(List<Field> fields, Set<String> outputs) throws IOException {
    List<Node> nodes = new ArrayList<>();
    for (Field field : fields) {
      if (field.number() == 1) {
        Node node = Node.parse(field.bytes().toByteArray());
        if (node.op().equals("If") || node.op().equals("Loop") || node.op().equals("Scan")) {
          throw new IllegalArgumentException("cannot prune a graph with subgraphs (node " + node.name() + ")");
        }
        nodes.add(node);
      }
    }
    // Nodes come in topological order: walking back from the outputs finds all they need.
    Set<String> needed = new HashSet<>(outputs);
    Set<String> produced = new HashSet<>();
    Set<Node> keptNodes = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = nodes.size() - 1; i >= 0; i--) {
      Node node = nodes.get(i);
      if (node.outputs().stream().anyMatch(needed::contains)) {
        keptNodes.add(node);
        produced.addAll(node.outputs());
        needed.addAll(node.inputs());
      }
    }
    Set<String> missing = new TreeSet<>(outputs);
    missing.removeAll(produced);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the graph computes no " + missing);
    }
    int node = 0;
    List<Field> kept = new ArrayList<>();
    for (Field field : fields) {
      boolean keep = switch (field.number()) {
        case 1 -> keptNodes.contains(nodes.get(node++));
        case 5 -> needed.contains(name(field.bytes(), 8)); // TensorProto.name
        case 12 -> outputs.contains(name(field.bytes(), 1)); // ValueInfoProto.name
        case 13 -> needed.contains(name(field.bytes(), 1));
        default -> true;
      };
      if (keep) {
        kept.add(field);
      }
    }
    return kept;
  }

  /** The string field {@code number} of a message, or "". */
  private static String name(ByteString proto, int number) throws IOException {
    CodedInputStream in = aliasing(proto);
    String name = "";
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag >>> 3 == number && (tag & 7) == 2) {
        name = in.readString();
      } else {
        in.skipField(tag);
      }
    }
    return name;
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

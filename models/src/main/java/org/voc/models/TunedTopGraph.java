package org.voc.models;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.voc.models.OnnxGraph.Node;

/**
 * Adds a fine-tuned {@link BertTop} to an ONNX BERT encoder's graph, so that ONNX Runtime runs it in
 * the encoder's own pass instead of PyTorch after it. The encoder's nodes of layers {@code
 * firstLayer ..} are copied under new names ({@code /voc_tuned/encoder/layer.10/...}); the copy reads
 * the hidden state the original gives after layer {@code firstLayer - 1} and the original's attention
 * mask, and its weights are the top's. A classifier follows as in {@link BertTop#logits}: token 0
 * ({@code [CLS]}) of the last copied layer, L2-normalized, times {@code classifier.weight} plus
 * {@code classifier.bias}, given as the graph output {@link #LOGITS} {@code [rows, classes]}. The
 * original nodes and outputs are left as they are, so the search vectors do not change.
 *
 * <p>Only ops every opset since 11 reads alike are added (Gather, Mul, MatMul, Sqrt, Max, Div, Add),
 * so the norm's sum of squares is a MatMul by a column of ones rather than a ReduceL2, whose axes
 * moved from an attribute to an input in opset 18.
 */
final class TunedTopGraph {

  /** The graph output holding the top's class logits. */
  static final String LOGITS = "voc_logits";
  /** Where the copy's nodes, tensors and weights are named. */
  static final String PREFIX = "/voc_tuned";

  private static final int INT64 = 7;

  private TunedTopGraph() {}

  /** {@code model} with {@code top} added; fails unless every weight of the top's layers is used. */
  static byte[] withTunedTop(byte[] model, BertTopFile.Weights top) {
    return OnnxGraph.withGraph(model, graph(model, top));
  }

  /**
   * The GraphProto to merge into {@code model}'s graph (see {@link OnnxGraph#withGraph}) for {@code
   * top}: the copied layers, their weights, the classifier and its output.
   */
  static byte[] graph(byte[] model, BertTopFile.Weights top) {
    try {
      return tunedGraph(model, top);
    } catch (IOException e) {
      throw new UncheckedIOException("Not a readable ONNX model", e);
    }
  }

  private static byte[] tunedGraph(byte[] model, BertTopFile.Weights top) throws IOException {
    List<Node> nodes = new ArrayList<>();
    Map<String, String> matMulInputs = new HashMap<>();
    Set<String> initializers = new HashSet<>();
    read(model, nodes, matMulInputs, initializers);

    int last = top.firstLayer() + top.layers() - 1;
    List<Node> copied = new ArrayList<>();
    for (Node node : nodes) {
      for (int layer = top.firstLayer(); layer <= last; layer++) {
        if (node.name().startsWith("/encoder/layer." + layer + "/")) {
          copied.add(node);
        }
      }
    }
    Set<String> produced = new HashSet<>();
    copied.forEach(node -> produced.addAll(node.outputs()));
    Set<String> usedWeights = new LinkedHashSet<>();
    Renamer rename = tensor -> {
      if (produced.contains(tensor)) {
        return PREFIX + (tensor.startsWith("/") ? "" : "/") + tensor;
      }
      String weight = matMulInputs.getOrDefault(tensor, tensor);
      if (initializers.contains(tensor) && top.tensors().containsKey(weight)) {
        usedWeights.add(weight);
        return PREFIX + "/" + weight;
      }
      if (initializers.contains(tensor) && weight.startsWith("encoder.layer.")) {
        throw new IllegalArgumentException("the tuned top has no " + weight);
      }
      return tensor; // the tapped state, the attention mask, shared constants
    };

    String lastHidden = copied.stream()
        .filter(node -> node.name().equals("/encoder/layer." + last + "/output/LayerNorm/Add_1"))
        .map(node -> rename.apply(node.outputs().getFirst()))
        .findFirst()
        .orElse(null);
    return OnnxGraph.message(out -> {
      for (Node node : copied) {
        out.writeByteArray(1, renamed(node, rename));
      }
      // Renaming the nodes recorded which of the top's weights the copy reads.
      checkCopy(top, copied, lastHidden, usedWeights);
      for (String weight : usedWeights) {
        out.writeByteArray(5, floatTensor(PREFIX + "/" + weight, top.tensors().get(weight)));
      }
      classifier(out, top, lastHidden);
      out.writeByteArray(12, OnnxGraph.valueInfo(LOGITS));
    });
  }

  private static void checkCopy(BertTopFile.Weights top, List<Node> copied, String lastHidden,
      Set<String> usedWeights) {
    if (copied.isEmpty() || lastHidden == null) {
      throw new IllegalArgumentException("the encoder has no layers " + top.firstLayer() + " to "
          + (top.firstLayer() + top.layers() - 1) + " named as a HuggingFace BERT export names them");
    }
    Set<String> layerWeights = new LinkedHashSet<>(top.tensors().keySet());
    layerWeights.removeIf(name -> name.startsWith("classifier."));
    if (!usedWeights.equals(layerWeights)) {
      Set<String> unused = new LinkedHashSet<>(layerWeights);
      unused.removeAll(usedWeights);
      throw new IllegalArgumentException("the encoder's graph reads no " + unused + " of the tuned top");
    }
  }

  /**
   * [CLS] of {@code hidden}, divided by its L2 norm (at least 1e-12, as {@link BertTop} does), times
   * the classifier's weight plus its bias.
   */
  private static void classifier(CodedOutputStream out, BertTopFile.Weights top, String hidden)
      throws IOException {
    OnnxGraph.Tensor weight = top.tensors().get("classifier.weight");
    OnnxGraph.Tensor bias = top.tensors().get("classifier.bias");
    if (weight == null || bias == null) {
      throw new IllegalArgumentException("the tuned top has no classifier.weight and classifier.bias");
    }
    int width = Math.toIntExact(weight.shape()[0]);
    float[] ones = new float[width];
    java.util.Arrays.fill(ones, 1f);
    String p = PREFIX + "/classifier/";
    out.writeByteArray(5, int64Scalar(p + "token", 0));
    out.writeByteArray(5, floatTensor(p + "ones", new OnnxGraph.Tensor("", new long[] {width, 1}, ones)));
    out.writeByteArray(5, floatTensor(p + "epsilon", new OnnxGraph.Tensor("", new long[] {1}, new float[] {1e-12f})));
    out.writeByteArray(5, floatTensor(p + "weight", weight));
    out.writeByteArray(5, floatTensor(p + "bias", bias));
    out.writeByteArray(1, node(p + "Gather", "Gather", List.of(hidden, p + "token"), p + "cls", 1L));
    out.writeByteArray(1, node(p + "Square", "Mul", List.of(p + "cls", p + "cls"), p + "squares", null));
    out.writeByteArray(1, node(p + "SumSquares", "MatMul", List.of(p + "squares", p + "ones"), p + "sumSquares", null));
    out.writeByteArray(1, node(p + "Norm", "Sqrt", List.of(p + "sumSquares"), p + "norm", null));
    out.writeByteArray(1, node(p + "Clamp", "Max", List.of(p + "norm", p + "epsilon"), p + "divisor", null));
    out.writeByteArray(1, node(p + "Normalize", "Div", List.of(p + "cls", p + "divisor"), p + "unit", null));
    out.writeByteArray(1, node(p + "MatMul", "MatMul", List.of(p + "unit", p + "weight"), p + "scores", null));
    out.writeByteArray(1, node(p + "Add", "Add", List.of(p + "scores", p + "bias"), LOGITS, null));
  }

  private interface Renamer {
    String apply(String tensor);
  }

  /** The node with its name, inputs and outputs renamed and every other field copied. */
  private static byte[] renamed(Node node, Renamer rename) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(node.proto());
    return OnnxGraph.message(out -> {
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
          throw new IOException("unexpected field " + (tag >>> 3) + " in node " + node.name());
        }
        int field = tag >>> 3;
        switch (field) {
          case 1, 2 -> out.writeString(field, rename.apply(in.readString()));
          case 3 -> out.writeString(3, PREFIX + in.readString());
          default -> out.writeBytes(field, in.readBytes());
        }
      }
    });
  }

  /** NodeProto{input = 1, output = 2, name = 3, op_type = 4, attribute = 5: {name = 1, i = 3, type = 20}}. */
  private static byte[] node(String name, String op, List<String> inputs, String output, Long axis)
      throws IOException {
    return OnnxGraph.message(out -> {
      for (String input : inputs) {
        out.writeString(1, input);
      }
      out.writeString(2, output);
      out.writeString(3, name);
      out.writeString(4, op);
      if (axis != null) {
        out.writeByteArray(5, OnnxGraph.message(a -> {
          a.writeString(1, "axis");
          a.writeInt64(3, axis);
          a.writeInt32(20, 2); // AttributeType INT
        }));
      }
    });
  }

  /** TensorProto{dims = 1, data_type = 2, name = 8, raw_data = 9}, little-endian floats. */
  private static byte[] floatTensor(String name, OnnxGraph.Tensor tensor) throws IOException {
    ByteBuffer raw = ByteBuffer.allocate(tensor.data().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    raw.asFloatBuffer().put(tensor.data());
    return OnnxGraph.message(out -> {
      for (long dim : tensor.shape()) {
        out.writeInt64(1, dim);
      }
      out.writeInt32(2, OnnxGraph.FLOAT);
      out.writeString(8, name);
      out.writeBytes(9, ByteString.copyFrom(raw.array()));
    });
  }

  private static byte[] int64Scalar(String name, long value) throws IOException {
    byte[] raw = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    return OnnxGraph.message(out -> {
      out.writeInt32(2, INT64);
      out.writeString(8, name);
      out.writeBytes(9, ByteString.copyFrom(raw));
    });
  }

  /** The graph's nodes and initializer names, read in place: the weights are not copied. */
  private static void read(byte[] model, List<Node> nodes, Map<String, String> matMulInputs,
      Set<String> initializers) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(model);
    in.setSizeLimit(Integer.MAX_VALUE);
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag >>> 3 != 7) {
        in.skipField(tag);
        continue;
      }
      int graphEnd = in.pushLimit(in.readRawVarint32());
      for (int field = in.readTag(); field != 0; field = in.readTag()) {
        switch (field >>> 3) {
          case 1 -> {
            Node node = Node.parse(in.readByteArray());
            nodes.add(node);
            OnnxGraph.matMul(node, matMulInputs);
          }
          case 5 -> {
            int tensorEnd = in.pushLimit(in.readRawVarint32());
            initializers.add(tensorName(in));
            in.popLimit(tensorEnd);
          }
          default -> in.skipField(field);
        }
      }
      in.popLimit(graphEnd);
    }
  }

  /** The name of the TensorProto {@code in} is limited to; skips the rest of it. */
  private static String tensorName(CodedInputStream in) throws IOException {
    String name = "";
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag >>> 3 == 8) {
        name = in.readString();
      } else {
        in.skipField(tag);
      }
    }
    return name;
  }
}

package org.voc.models;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The one place where a {@link SoftmaxHead} becomes JSON and back. The file says what it is
 * ({@code format}, {@code version}), which classes and encoder it belongs to, how it was trained
 * (seed, options, data checksum, scores), and holds the weights as base64 of little-endian
 * float32, row-major: exact, and a third the size of decimal text. Fields are written in a fixed
 * order, so the same head gives the same bytes.
 */
final class SoftmaxHeadFile {

  static final String FORMAT = "voc.softmax-head";
  static final int VERSION = 1;
  private static final String FLOATS = "float32-le-base64";
  private static final ObjectMapper JSON = new ObjectMapper();
  // "\n" on every platform, so the bytes do not depend on where the head was trained.
  private static final ObjectWriter WRITER =
      JSON.writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

  private SoftmaxHeadFile() {}

  static void write(SoftmaxHead head, Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    WRITER.writeValue(tmp.toFile(), toJson(head));
    // Written aside and moved, so a reader never sees half a file.
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
  }

  static SoftmaxHead read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return fromJson(JSON.readTree(in), file.toString());
    }
  }

  static SoftmaxHead readResource(String resource) throws IOException {
    try (InputStream in = SoftmaxHeadFile.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("No classpath resource " + resource);
      }
      return fromJson(JSON.readTree(in), resource);
    }
  }

  static ObjectNode toJson(SoftmaxHead head) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("encoder", head.encoder());
    ArrayNode classes = root.putArray("classes");
    head.classes().forEach(classes::add);
    root.put("dimension", head.dimension());
    root.put("temperature", head.temperature());
    head.training().ifPresent(report -> root.set("training", training(report)));
    root.put("floats", FLOATS);
    root.put("bias", encode(head.bias()));
    root.put("weights", encode(flatten(head.weights())));
    return root;
  }

  static SoftmaxHead fromJson(JsonNode root, String source) throws IOException {
    try {
      return parse(root, source);
    } catch (IllegalArgumentException e) {
      // Bad base64, or values the head or the options reject.
      throw new IOException(source + ": " + e.getMessage(), e);
    }
  }

  private static SoftmaxHead parse(JsonNode root, String source) throws IOException {
    if (!FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() != VERSION) {
      throw new IOException(source + " is not a " + FORMAT + " file of version " + VERSION);
    }
    if (!FLOATS.equals(root.path("floats").asText())) {
      throw new IOException(source + ": unknown float encoding " + root.path("floats"));
    }
    List<String> classes = new ArrayList<>();
    root.path("classes").forEach(name -> classes.add(name.asText()));
    int dimension = root.path("dimension").asInt();
    float[] bias = decode(root.path("bias").asText());
    float[] flat = decode(root.path("weights").asText());
    if (dimension < 1 || bias.length != classes.size() || flat.length != classes.size() * dimension) {
      throw new IOException(
          source + ": " + classes.size() + " classes and dimension " + dimension
              + " do not match " + bias.length + " biases and " + flat.length + " weights");
    }
    float[][] weights = new float[classes.size()][dimension];
    for (int c = 0; c < weights.length; c++) {
      System.arraycopy(flat, c * dimension, weights[c], 0, dimension);
    }
    TrainingReport training = root.has("training") ? training(root.get("training")) : null;
    return new SoftmaxHead(
        classes,
        root.path("encoder").asText(),
        weights,
        bias,
        root.path("temperature").asDouble(1.0),
        training);
  }

  private static ObjectNode training(TrainingReport report) {
    TrainingOptions options = report.options();
    ObjectNode node = JSON.createObjectNode();
    node.put("seed", options.seed());
    node.put("epochs", options.epochs());
    node.put("learningRate", options.learningRate());
    node.put("weightDecay", options.weightDecay());
    node.put("batchSize", options.batchSize());
    node.put("validationFraction", options.validationFraction());
    node.put("patience", options.patience());
    ArrayNode weights = node.putArray("classWeights");
    options.classWeights().forEach(weights::add);
    node.put("dataChecksum", report.dataChecksum());
    node.put("epochsRun", report.epochsRun());
    node.put("bestEpoch", report.bestEpoch());
    node.set("train", scores(report.train()));
    report.validation().ifPresent(scores -> node.set("validation", scores(scores)));
    return node;
  }

  private static TrainingReport training(JsonNode node) {
    List<Double> classWeights = new ArrayList<>();
    node.path("classWeights").forEach(weight -> classWeights.add(weight.asDouble()));
    TrainingOptions options =
        TrainingOptions.builder()
            .seed(node.path("seed").asInt())
            .epochs(node.path("epochs").asInt())
            .learningRate(node.path("learningRate").asDouble())
            .weightDecay(node.path("weightDecay").asDouble())
            .batchSize(node.path("batchSize").asInt())
            .validationFraction(node.path("validationFraction").asDouble())
            .patience(node.path("patience").asInt())
            .classWeights(classWeights)
            .build();
    return new TrainingReport(
        options,
        node.path("dataChecksum").asText(),
        node.path("epochsRun").asInt(),
        node.path("bestEpoch").asInt(),
        scores(node.path("train")),
        node.has("validation") ? Optional.of(scores(node.get("validation"))) : Optional.empty());
  }

  private static ObjectNode scores(SplitScores scores) {
    ObjectNode node = JSON.createObjectNode();
    node.put("examples", scores.examples());
    node.put("loss", scores.loss());
    node.put("accuracy", scores.accuracy());
    return node;
  }

  private static SplitScores scores(JsonNode node) {
    return new SplitScores(
        node.path("examples").asInt(), node.path("loss").asDouble(), node.path("accuracy").asDouble());
  }

  private static float[] flatten(float[][] rows) {
    int dimension = rows[0].length;
    float[] flat = new float[rows.length * dimension];
    for (int c = 0; c < rows.length; c++) {
      System.arraycopy(rows[c], 0, flat, c * dimension, dimension);
    }
    return flat;
  }

  static String encode(float[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  static float[] decode(String base64) {
    ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
    float[] values = new float[bytes.remaining() / Float.BYTES];
    bytes.asFloatBuffer().get(values);
    return values;
  }
}

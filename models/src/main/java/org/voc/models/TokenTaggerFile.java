package org.voc.models;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
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

/**
 * The one place where a {@link TokenTagger} becomes JSON and back: what it is, its classes,
 * encoder, window, how it was trained, and the weights as base64 of little-endian IEEE half floats
 * (half the size of float32, and the tags do not change; float32 files, as in {@link
 * SoftmaxHeadFile}, are read too). Fields in a fixed order, so the same tagger gives the same bytes.
 */
final class TokenTaggerFile {

  static final String FORMAT = "voc.token-tagger";
  static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectWriter WRITER =
      JSON.writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

  private static final String HALF = "float16-le-base64";
  private static final String SINGLE = "float32-le-base64";

  private TokenTaggerFile() {}

  static void write(TokenTagger tagger, Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("encoder", tagger.encoder());
    tagger.classes().forEach(root.putArray("classes")::add);
    root.put("dimension", tagger.dimension());
    root.put("window", tagger.window());
    root.put("units", tagger.hidden().outputs());
    if (tagger.training() != null) {
      root.set("training", tagger.training());
    }
    root.put("floats", HALF);
    root.put("hiddenBias", encode(tagger.hidden().bias()));
    root.put("hiddenWeights", encode(tagger.hidden().weights()));
    root.put("outputBias", encode(tagger.output().bias()));
    root.put("outputWeights", encode(tagger.output().weights()));
    if (tagger.transitions() != null) {
      root.put("transitions", encode(tagger.transitions()));
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    WRITER.writeValue(tmp.toFile(), root);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
  }

  static TokenTagger read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  static TokenTagger read(InputStream in, String source) throws IOException {
    JsonNode root = JSON.readTree(in);
    if (!FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() != VERSION) {
      throw new IOException(source + " is not a " + FORMAT + " file of version " + VERSION);
    }
    boolean half = HALF.equals(root.path("floats").asText());
    if (!half && !SINGLE.equals(root.path("floats").asText())) {
      throw new IOException(source + ": unknown float encoding " + root.path("floats"));
    }
    java.util.function.Function<String, float[]> floats = field -> half
        ? decode(root.path(field).asText()) : SoftmaxHeadFile.decode(root.path(field).asText());
    try {
      List<String> classes = new ArrayList<>();
      root.path("classes").forEach(name -> classes.add(name.asText()));
      int dimension = root.path("dimension").asInt();
      int window = root.path("window").asInt();
      int units = root.path("units").asInt();
      TokenTagger.Layer hidden = new TokenTagger.Layer(TokenTagger.inputs(dimension, window), units,
          floats.apply("hiddenWeights"), floats.apply("hiddenBias"));
      TokenTagger.Layer output = new TokenTagger.Layer(units, classes.size(),
          floats.apply("outputWeights"), floats.apply("outputBias"));
      float[] transitions = root.has("transitions") ? floats.apply("transitions") : null;
      return new TokenTagger(classes, root.path("encoder").asText(), dimension, window, hidden,
          output, transitions, root.get("training"));
    } catch (IllegalArgumentException e) {
      throw new IOException(source + ": " + e.getMessage(), e);
    }
  }

  static String encode(float[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (float value : values) {
      bytes.putShort(Float.floatToFloat16(value));
    }
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  static float[] decode(String base64) {
    ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
    float[] values = new float[bytes.remaining() / 2];
    for (int i = 0; i < values.length; i++) {
      values[i] = Float.float16ToFloat(bytes.getShort());
    }
    return values;
  }
}

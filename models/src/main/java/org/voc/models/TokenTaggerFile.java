package org.voc.models;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place where a {@link TokenTagger} becomes JSON and back: what it is, its classes,
 * encoder, window, how it was trained, and the weights as base64 of little-endian float32 (as in
 * {@link SoftmaxHeadFile}). Fields in a fixed order, so the same tagger gives the same bytes.
 */
final class TokenTaggerFile {

  static final String FORMAT = "voc.token-tagger";
  static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectWriter WRITER =
      JSON.writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

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
    root.put("floats", "float32-le-base64");
    root.put("hiddenBias", SoftmaxHeadFile.encode(tagger.hidden().bias()));
    root.put("hiddenWeights", SoftmaxHeadFile.encode(tagger.hidden().weights()));
    root.put("outputBias", SoftmaxHeadFile.encode(tagger.output().bias()));
    root.put("outputWeights", SoftmaxHeadFile.encode(tagger.output().weights()));
    if (tagger.transitions() != null) {
      root.put("transitions", SoftmaxHeadFile.encode(tagger.transitions()));
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
    try {
      List<String> classes = new ArrayList<>();
      root.path("classes").forEach(name -> classes.add(name.asText()));
      int dimension = root.path("dimension").asInt();
      int window = root.path("window").asInt();
      int units = root.path("units").asInt();
      TokenTagger.Layer hidden = new TokenTagger.Layer(TokenTagger.inputs(dimension, window), units,
          SoftmaxHeadFile.decode(root.path("hiddenWeights").asText()),
          SoftmaxHeadFile.decode(root.path("hiddenBias").asText()));
      TokenTagger.Layer output = new TokenTagger.Layer(units, classes.size(),
          SoftmaxHeadFile.decode(root.path("outputWeights").asText()),
          SoftmaxHeadFile.decode(root.path("outputBias").asText()));
      float[] transitions = root.has("transitions")
          ? SoftmaxHeadFile.decode(root.path("transitions").asText()) : null;
      return new TokenTagger(classes, root.path("encoder").asText(), dimension, window, hidden,
          output, transitions, root.get("training"));
    } catch (IllegalArgumentException e) {
      throw new IOException(source + ": " + e.getMessage(), e);
    }
  }
}

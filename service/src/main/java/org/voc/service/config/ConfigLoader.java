package org.voc.service.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.voc.nlp.AnalysisPipeline;
import org.voc.nlp.ShippedSentiment;

/**
 * Reads the configuration: the file named by the flag, else by {@code VOC_CONFIG}, else {@code
 * ./voc.yaml} when present, else defaults; then {@code VOC_HOST}, {@code VOC_PORT}, {@code VOC_DATA}
 * from the environment; then the command-line flags. Unknown keys are errors, not silently ignored.
 */
public final class ConfigLoader {

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private final Map<String, String> env;
  private final Path workingDir;

  public ConfigLoader(Map<String, String> env, Path workingDir) {
    this.env = Map.copyOf(env);
    this.workingDir = workingDir;
  }

  /** The flags that override file and environment; null means "not given". */
  public record Overrides(Path configFile, String host, Integer port, Path data) {
    public static final Overrides NONE = new Overrides(null, null, null, null);
  }

  /** Loads the configuration, or throws {@link ConfigException} saying what is wrong and where. */
  public VocConfig load(Overrides flags) {
    Path file = configFile(flags);
    VocConfig config = file == null ? VocConfig.defaults() : read(file);
    config = applyEnv(config);
    if (flags.host() != null) {
      config = config.withHost(flags.host());
    }
    if (flags.port() != null) {
      config = config.withPort(flags.port());
    }
    if (flags.data() != null) {
      config = config.withData(flags.data());
    }
    validate(config);
    return config.withData(workingDir.resolve(config.data()).normalize());
  }

  private Path configFile(Overrides flags) {
    if (flags.configFile() != null) {
      return requireExists(flags.configFile(), "--config");
    }
    String fromEnv = env.get("VOC_CONFIG");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return requireExists(workingDir.resolve(fromEnv), "VOC_CONFIG");
    }
    Path local = workingDir.resolve("voc.yaml");
    return Files.isRegularFile(local) ? local : null;
  }

  private static Path requireExists(Path file, String from) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("configuration file " + file + " (from " + from + ") does not exist");
    }
    return file;
  }

  static VocConfig read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage());
    }
    try {
      if (text.isBlank()) {
        return VocConfig.defaults();
      }
      VocConfig config = YAML.readValue(text, VocConfig.class);
      return config == null ? VocConfig.defaults() : config;
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(
          String.format(
              Locale.ROOT,
              "%s: unknown key '%s' at %s (line %d); known keys here: %s",
              file,
              e.getPropertyName(),
              path(e),
              lineOf(text, e.getPropertyName()),
              e.getKnownPropertyIds() == null
                  ? "?"
                  : e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))));
    } catch (JsonProcessingException e) {
      throw new ConfigException(file + ": " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    }
  }

  /** The line where {@code key} is first written as a key; YAML parsers report the token after it. */
  private static int lineOf(String text, String key) {
    Pattern pattern = Pattern.compile(
        "^[\\s-]*[\"']?" + Pattern.quote(key) + "[\"']?\\s*:");
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (pattern.matcher(lines[i]).find()) {
        return i + 1;
      }
    }
    return 0;
  }

  private static String path(JsonProcessingException e) {
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
      return m.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining("."));
    }
    return "?";
  }

  private VocConfig applyEnv(VocConfig config) {
    String host = env.get("VOC_HOST");
    if (host != null && !host.isBlank()) {
      config = config.withHost(host.trim());
    }
    String port = env.get("VOC_PORT");
    if (port != null && !port.isBlank()) {
      try {
        config = config.withPort(Integer.parseInt(port.trim()));
      } catch (NumberFormatException e) {
        throw new ConfigException("VOC_PORT must be a number, got '" + port + "'");
      }
    }
    String data = env.get("VOC_DATA");
    if (data != null && !data.isBlank()) {
      config = config.withData(Path.of(data.trim()));
    }
    return config;
  }

  /** Checks the {@code analysis} settings, for callers that change them after loading (a flag). */
  public static void validate(VocConfig.Analysis analysis) {
    ShippedSentiment.targetModelsProblem(analysis.targetModels()).ifPresent(problem -> {
      throw new ConfigException("analysis.targetModels " + problem);
    });
    AnalysisPipeline pipeline = AnalysisPipeline.parse(analysis.pipeline()).orElseThrow(() -> new ConfigException(
        "analysis.pipeline must be full or fast, not '" + analysis.pipeline() + "'"));
    if (pipeline == AnalysisPipeline.FAST) {
      if (!java.util.Set.of("transformer", VocConfig.Analysis.TRANSFORMER_HEAD).contains(analysis.sentiment())) {
        throw new ConfigException("analysis.pipeline fast scores sentiment with the transformer alone, so"
            + " analysis.sentiment must be transformer (or left out) or transformer-head, not '"
            + analysis.sentiment() + "'");
      }
    } else if (!java.util.Set.of("ensemble", "transformer", "corenlp").contains(analysis.sentiment())) {
      throw new ConfigException("analysis.sentiment must be ensemble, transformer or corenlp, not '"
          + analysis.sentiment() + "'" + (analysis.sentiment().equals(VocConfig.Analysis.TRANSFORMER_HEAD)
              ? " (transformer-head is for analysis.pipeline: fast)" : ""));
    }
  }

  private static void validate(VocConfig config) {
    if (config.port() < 0 || config.port() > 65_535) {
      throw new ConfigException("port must be between 0 and 65535, got " + config.port());
    }
    for (VocConfig.ApiKey key : config.apiKeys()) {
      if (key.key() == null || key.key().length() < 16) {
        throw new ConfigException("apiKeys: every key must be at least 16 characters long");
      }
      for (String scope : key.scopes()) {
        if (!Scope.isKnown(scope)) {
          throw new ConfigException("apiKeys: unknown scope '" + scope + "' (ingest, read, admin)");
        }
      }
    }
    validate(config.analysis());
    try {
      config.urgency().toRules();
    } catch (IllegalArgumentException e) {
      throw new ConfigException("urgency: " + e.getMessage());
    }
    VocConfig.Limits limits = config.limits();
    if (limits.maxDocumentBytes() < 1 || limits.maxRequestBytes() < limits.maxDocumentBytes()) {
      throw new ConfigException("limits: need 0 < maxDocumentBytes <= maxRequestBytes");
    }
    if (limits.queueCapacity() < 1 || limits.maxQueryTerms() < 1 || limits.waitSeconds() < 1) {
      throw new ConfigException("limits: queueCapacity, maxQueryTerms and waitSeconds must be positive");
    }
    if (limits.searchMillis() < 1) {
      throw new ConfigException("limits: searchMillis must be positive");
    }
    if (limits.requestsPerSecond() < 0 || limits.burst() < 0) {
      throw new ConfigException("limits: requestsPerSecond and burst must be 0 or more (requestsPerSecond 0: no rate limit)");
    }
  }
}

package org.voc.eval.regression;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The committed regressions ({@code eval/src/main/resources/regressions/*.yaml}, listed in {@code
 * index.txt}) and the checks that compare a run with them: a drop beyond the tolerance is FAIL, a
 * rise beyond it CHANGED (so a silent data or model change shows), anything else OK.
 */
public final class Regressions {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Regressions() {}

  public static List<Regression> all() {
    List<Regression> result = new ArrayList<>();
    for (String name : resource("index.txt").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
      try {
        result.add(YAML.readValue(resource(name), Regression.class));
      } catch (IOException e) {
        throw new UncheckedIOException("bad regression file " + name, e);
      }
    }
    return result;
  }

  /** Where {@code ../shared/data} is: {@code VOC_SHARED_DATA}, else searched upwards from the working dir. */
  public static Optional<Path> sharedData() {
    String env = System.getenv("VOC_SHARED_DATA");
    if (env != null && !env.isBlank()) {
      return Optional.of(Path.of(env));
    }
    Path dir = Path.of("").toAbsolutePath();
    for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared").resolve("data");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The verdict on one metric. */
  public record Check(String regression, String metric, double expected, double actual, double tolerance) {
    public String verdict() {
      double delta = actual - expected;
      if (delta < -tolerance) {
        return "FAIL";
      }
      return delta > tolerance ? "CHANGED" : "OK";
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%-7s %-40s %-14s expected %.4f got %.4f (%+.4f)", verdict(),
          regression, metric, expected, actual, actual - expected);
    }
  }

  public static List<Check> compare(Regression regression, Map<String, Object> result) {
    List<Check> checks = new ArrayList<>();
    regression.expected().forEach((metric, expected) -> {
      Object actual = result.get(metric);
      if (!(actual instanceof Number number)) {
        throw new IllegalStateException(regression.name() + ": result has no metric " + metric);
      }
      checks.add(new Check(regression.name(), metric, expected, number.doubleValue(), regression.tolerance()));
    });
    return checks;
  }

  public static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return sha256(in);
    }
  }

  /** The SHA-256 of what {@code in} holds, in hex; reads it to the end. */
  public static String sha256(InputStream in) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = Regressions.class.getResourceAsStream("/regressions/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource regressions/" + name);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

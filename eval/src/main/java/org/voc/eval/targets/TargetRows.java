package org.voc.eval.targets;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.voc.nlp.SentimentLabel;
import org.voc.nlp.TargetSentimentModel.Target;

/**
 * Labeled targets read from JSONL: aspect rows {@code {"text", "aspect", "from", "to", "label"}}
 * (SemEval-2014 Task 4, target-dependent tweets) and theme rows {@code {"text", "themes": [{"name",
 * "label"}]}} (MAMS), each giving one target in a sentence and the polarity toward it.
 *
 * <p>{@code FILE#heldout} names the sentences of FILE whose text hashes to 0 modulo 5 (a fixed 20
 * %, whole sentences, so a sentence's targets stay together); {@code FILE#train} names the rest.
 * These benchmarks have no dev split, so the held-out part is the one voc measures on.
 */
public final class TargetRows {

  /** A target and the gold polarity toward it. */
  public record Row(Target target, SentimentLabel label) {}

  private TargetRows() {}

  /** Every labeled target of {@code spec} ({@code FILE}, {@code FILE#heldout} or {@code FILE#train}). */
  public static List<Row> read(Path spec) throws IOException {
    Selection selection = Selection.of(spec);
    List<Row> rows = new ArrayList<>();
    JsonlRows.read(selection.file(), (number, row) -> {
      String text = required(row, "text", number).asText();
      if (!selection.keeps(text)) {
        return;
      }
      if (row.has("themes")) {
        for (JsonNode theme : row.get("themes")) {
          rows.add(new Row(Target.about(text, required(theme, "name", number).asText()),
              label(required(theme, "label", number).asText(), number)));
        }
      } else {
        int from = required(row, "from", number).asInt();
        int to = required(row, "to", number).asInt();
        if (from < 0 || to > text.length() || from >= to) {
          throw new IOException("line " + number + ": span [" + from + ", " + to + ") outside the text");
        }
        rows.add(new Row(Target.at(text, from, to), label(required(row, "label", number).asText(), number)));
      }
    });
    return rows;
  }

  /** Whether a sentence belongs to the part {@code spec} selects ({@code #heldout}, {@code #train}, else all). */
  public static boolean selects(Path spec, String text) {
    return Selection.of(spec).keeps(text);
  }

  /** Whether {@code text} belongs to the held-out fifth. */
  public static boolean heldOut(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      int value = ((hash[0] & 0xff) << 8) | (hash[1] & 0xff);
      return value % 5 == 0;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The file a spec names, without its selector. */
  public static Path fileOf(Path spec) {
    return Selection.of(spec).file();
  }

  private record Selection(Path file, String part) {
    static Selection of(Path spec) {
      String name = spec.getFileName().toString();
      for (String part : List.of("heldout", "train")) {
        if (name.endsWith("#" + part)) {
          return new Selection(spec.resolveSibling(name.substring(0, name.length() - part.length() - 1)), part);
        }
      }
      return new Selection(spec, "all");
    }

    boolean keeps(String text) {
      return switch (part) {
        case "heldout" -> heldOut(text);
        case "train" -> !heldOut(text);
        default -> true;
      };
    }
  }

  private static JsonNode required(JsonNode row, String field, int line) throws IOException {
    JsonNode value = row.get(field);
    if (value == null || value.isNull()) {
      throw new IOException("line " + line + ": no \"" + field + "\"");
    }
    return value;
  }

  private static SentimentLabel label(String value, int line) throws IOException {
    return SentimentLabel.parse(value)
        .orElseThrow(() -> new IOException("line " + line + ": unknown label '" + value + "'"));
  }
}

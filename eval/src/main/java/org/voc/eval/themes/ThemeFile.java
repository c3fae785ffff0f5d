package org.voc.eval.themes;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.voc.eval.targets.JsonlRows;
import org.voc.eval.targets.TargetRows;
import org.voc.nlp.SentimentLabel;

/**
 * A theme-labeled JSONL file: rows {@code {"text": ..., "themes": [{"name": ..., "label": ...}]}},
 * the themes a text is about and the polarity toward each. {@code FILE#heldout} / {@code FILE#train}
 * select sentences as {@link TargetRows} does.
 */
public record ThemeFile(Path path, List<Row> rows) {

  /** A text, its gold themes and the polarity toward each, in file order. */
  public record Row(String text, Map<String, SentimentLabel> themes) {}

  public static ThemeFile read(Path spec) throws IOException {
    Path file = TargetRows.fileOf(spec);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such file: " + file);
    }
    List<Row> rows = new ArrayList<>();
    JsonlRows.read(file, (number, row) -> {
      if (!row.hasNonNull("text") || !row.has("themes") || !row.get("themes").isArray()) {
        throw new IllegalArgumentException(file + " line " + number + ": needs \"text\" and a \"themes\" list");
      }
      String text = row.get("text").asText();
      if (!TargetRows.selects(spec, text)) {
        return;
      }
      Map<String, SentimentLabel> themes = new LinkedHashMap<>();
      for (JsonNode theme : row.get("themes")) {
        String label = theme.path("label").asText();
        themes.put(theme.path("name").asText(), SentimentLabel.parse(label).orElseThrow(() ->
            new IllegalArgumentException(file + " line " + number + ": unknown label '" + label + "'")));
      }
      rows.add(new Row(text, themes));
    });
    return new ThemeFile(spec, rows);
  }

  /** Every theme name the file uses, in order of first appearance. */
  public List<String> themeNames() {
    Set<String> names = new LinkedHashSet<>();
    rows.forEach(r -> names.addAll(r.themes().keySet()));
    return List.copyOf(names);
  }
}

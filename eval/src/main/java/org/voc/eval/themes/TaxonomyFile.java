package org.voc.eval.themes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voc.nlp.ThemeDefinition;

/**
 * The themes an evaluation or training run uses: the {@code themes} key of a voc config file
 * ({@code --taxonomy CONFIG}), or else the theme names of the data file, described from voc's
 * bundled restaurant taxonomy where it has them (MAMS uses its eight names) and by their names alone
 * otherwise.
 */
public final class TaxonomyFile {

  static final String BUNDLED = "org/voc/eval/themes/restaurant-taxonomy.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private TaxonomyFile() {}

  public static List<ThemeDefinition> themes(Path config, List<String> names) throws IOException {
    if (config != null) {
      try (InputStream in = Files.newInputStream(config)) {
        return read(in, config.toString());
      }
    }
    Map<String, ThemeDefinition> bundled = new LinkedHashMap<>();
    try (InputStream in = TaxonomyFile.class.getClassLoader().getResourceAsStream(BUNDLED)) {
      for (ThemeDefinition theme : read(in, BUNDLED)) {
        bundled.put(theme.name(), theme);
      }
    }
    List<ThemeDefinition> themes = new ArrayList<>();
    for (String name : names) {
      themes.add(bundled.getOrDefault(name, new ThemeDefinition(name, null, null)));
    }
    return themes;
  }

  private static List<ThemeDefinition> read(InputStream in, String source) throws IOException {
    JsonNode root = YAML.readTree(in);
    JsonNode themes = root == null ? null : root.get("themes");
    if (themes == null || !themes.isArray() || themes.isEmpty()) {
      throw new IllegalArgumentException(source + " has no themes list");
    }
    return YAML.convertValue(themes, new TypeReference<List<ThemeDefinition>>() {});
  }
}

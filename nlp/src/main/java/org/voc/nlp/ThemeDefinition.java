package org.voc.nlp;

import java.util.List;
import java.util.Objects;

/**
 * A theme of the taxonomy: its name (what facets and filters show), a description in words, and
 * example phrases of customers talking about it. Descriptions and examples are what theme detection
 * compares sentences with; the examples also count as lexical evidence.
 */
public record ThemeDefinition(String name, String description, List<String> examples) {

  public ThemeDefinition {
    Objects.requireNonNull(name, "theme name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a theme needs a name");
    }
    description = description == null ? "" : description;
    examples = examples == null ? List.of() : List.copyOf(examples);
  }
}

package org.voc.nlp;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the analyzer looks for beyond sentiment: the themes of the taxonomy and the brands (own and
 * competitors). Names must be unique within each list.
 */
public record Taxonomy(List<ThemeDefinition> themes, List<BrandDefinition> brands) {

  /** Classpath resource of the default customer-feedback taxonomy. */
  public static final String DEFAULT_THEMES = "org/voc/nlp/themes/default-themes.json";

  public Taxonomy {
    themes = themes == null ? List.of() : List.copyOf(themes);
    brands = brands == null ? List.of() : List.copyOf(brands);
    unique(themes.stream().map(ThemeDefinition::name).toList(), "theme");
    unique(brands.stream().map(BrandDefinition::name).toList(), "brand");
  }

  /** No themes and no brands. */
  public static Taxonomy empty() {
    return new Taxonomy(List.of(), List.of());
  }

  /** The default customer-feedback themes that ship with voc, and no brands. */
  public static Taxonomy defaults() {
    return new Taxonomy(defaultThemes(), List.of());
  }

  /** The themes of the shipped default taxonomy. */
  public static List<ThemeDefinition> defaultThemes() {
    try (InputStream in = Taxonomy.class.getClassLoader().getResourceAsStream(DEFAULT_THEMES)) {
      if (in == null) {
        throw new IllegalStateException("No classpath resource " + DEFAULT_THEMES);
      }
      return VocJson.mapper().readValue(in, new TypeReference<List<ThemeDefinition>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + DEFAULT_THEMES, e);
    }
  }

  public Taxonomy withThemes(List<ThemeDefinition> value) {
    return new Taxonomy(value, brands);
  }

  public Taxonomy withBrands(List<BrandDefinition> value) {
    return new Taxonomy(themes, value);
  }

  private static void unique(List<String> names, String what) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw new IllegalArgumentException("two " + what + "s are named '" + name + "'");
      }
    }
  }
}

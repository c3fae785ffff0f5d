package org.voc.nlp;

import java.util.List;
import java.util.Objects;

/**
 * A brand to find in texts: its name (what facets and filters show), the other names customers use
 * for it (aliases, web domains, handles) and its product names, which count as mentions of the
 * brand too. {@code own} marks the user's own brand; the others are competitors.
 */
public record BrandDefinition(String name, List<String> aliases, List<String> products, boolean own) {

  public BrandDefinition {
    Objects.requireNonNull(name, "brand name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a brand needs a name");
    }
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    products = products == null ? List.of() : List.copyOf(products);
  }
}

package org.voc.service.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;
import org.voc.nlp.BrandDefinition;
import org.voc.nlp.Taxonomy;
import org.voc.nlp.ThemeDefinition;
import org.voc.nlp.VocJson;

/**
 * The taxonomy in force (themes and brands) and where it comes from. At start-up: the
 * configuration's {@code themes} (none: the shipped default themes) and {@code brands}; then, for
 * each list an admin has replaced through the API, the list saved in {@code DATA/taxonomy.json},
 * which wins over the configuration (delete the file, or the list in it, to go back to the
 * configuration). A replacement is saved before it takes effect, so a restart keeps it.
 *
 * <p>Thread-safe: replacements are serialized; readers see the last complete taxonomy.
 */
public final class TaxonomyStore {

  /** The file under the data dir that holds replaced lists. */
  public static final String FILE = "taxonomy.json";

  private final Path file;
  private final Consumer<Taxonomy> onChange;
  private volatile Taxonomy current;
  private Saved saved;

  /** The lists replaced through the API; a null list was not replaced. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Saved(List<ThemeDefinition> themes, List<BrandDefinition> brands) {}

  private TaxonomyStore(Path file, Saved saved, Taxonomy current, Consumer<Taxonomy> onChange) {
    this.file = file;
    this.saved = saved;
    this.current = current;
    this.onChange = onChange;
  }

  /**
   * Reads the saved lists under {@code config.data()} over the configuration, hands the result to
   * {@code onChange} (the analyzer's {@code setTaxonomy}) and keeps it. Throws {@link
   * ConfigException} for a taxonomy that cannot be used (two themes with one name, a bad file).
   */
  public static TaxonomyStore open(VocConfig config, Consumer<Taxonomy> onChange) {
    Path file = config.data().resolve(FILE);
    Saved saved = read(file);
    TaxonomyStore store = new TaxonomyStore(file, saved, merge(config, saved), onChange);
    onChange.accept(store.current);
    return store;
  }

  /** The taxonomy start-up uses for {@code config}: saved lists over configured ones. */
  public static Taxonomy initial(VocConfig config) {
    return merge(config, read(config.data().resolve(FILE)));
  }

  /** The configured themes (none: the default themes) and brands, without the saved lists. */
  public static Taxonomy fromConfig(VocConfig config) {
    try {
      List<ThemeDefinition> themes = config.themes().isEmpty()
          ? Taxonomy.defaultThemes()
          : config.themes().stream()
              .map(t -> new ThemeDefinition(t.name(), t.description(), t.examples())).toList();
      List<BrandDefinition> brands = config.brands().stream()
          .map(b -> new BrandDefinition(b.name(), b.aliases(), b.products(), b.own())).toList();
      return new Taxonomy(themes, brands);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ConfigException("the configuration's themes or brands cannot be used: " + e.getMessage());
    }
  }

  public Taxonomy current() {
    return current;
  }

  /** Replaces the themes: saved first, then in force. */
  public synchronized Taxonomy replaceThemes(List<ThemeDefinition> themes) throws IOException {
    Taxonomy next = current.withThemes(themes);
    save(new Saved(next.themes(), saved.brands()));
    return apply(next);
  }

  /** Replaces the brands: saved first, then in force. */
  public synchronized Taxonomy replaceBrands(List<BrandDefinition> brands) throws IOException {
    Taxonomy next = current.withBrands(brands);
    save(new Saved(saved.themes(), next.brands()));
    return apply(next);
  }

  private Taxonomy apply(Taxonomy next) {
    onChange.accept(next);
    current = next;
    return next;
  }

  private void save(Saved next) throws IOException {
    Files.createDirectories(file.getParent());
    Path temporary = file.resolveSibling(FILE + ".tmp");
    Files.write(temporary, VocJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(next));
    try {
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }
    saved = next;
  }

  private static Taxonomy merge(VocConfig config, Saved saved) {
    Taxonomy configured = fromConfig(config);
    try {
      return new Taxonomy(saved.themes() != null ? saved.themes() : configured.themes(),
          saved.brands() != null ? saved.brands() : configured.brands());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("the taxonomy saved in " + config.data().resolve(FILE)
          + " cannot be used: " + e.getMessage());
    }
  }

  private static Saved read(Path file) {
    if (!Files.exists(file)) {
      return new Saved(null, null);
    }
    try {
      return VocJson.mapper().readValue(file.toFile(), Saved.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("cannot read the saved taxonomy " + file + ": " + e.getMessage());
    }
  }
}

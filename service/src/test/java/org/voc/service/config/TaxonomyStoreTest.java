package org.voc.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.nlp.BrandDefinition;
import org.voc.nlp.Taxonomy;
import org.voc.nlp.ThemeDefinition;

class TaxonomyStoreTest {

  @TempDir Path dir;

  private VocConfig config(List<VocConfig.Brand> brands, List<VocConfig.Theme> themes) {
    return new VocConfig(null, null, dir, null, brands, themes, null, null, null, null, null, null);
  }

  @Test
  void configuredThemesReplaceTheDefaultsAndBrandsKeepTheirAliases() {
    Taxonomy taxonomy = TaxonomyStore.fromConfig(config(
        List.of(new VocConfig.Brand("acme", List.of("ACME"), List.of("Roadrunner Trap"), true)),
        List.of(new VocConfig.Theme("shipping", "delivery", List.of("took weeks")))));
    assertThat(taxonomy.themes()).containsExactly(new ThemeDefinition("shipping", "delivery", List.of("took weeks")));
    assertThat(taxonomy.brands()).containsExactly(
        new BrandDefinition("acme", List.of("ACME"), List.of("Roadrunner Trap"), true));
    assertThat(TaxonomyStore.fromConfig(config(null, null)).themes()).isEqualTo(Taxonomy.defaultThemes());
  }

  @Test
  void unusableConfigurationIsAConfigError() {
    List<VocConfig.Theme> twice = List.of(new VocConfig.Theme("a", null, null), new VocConfig.Theme("a", null, null));
    assertThatThrownBy(() -> TaxonomyStore.fromConfig(config(null, twice)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("'a'");
    assertThatThrownBy(() -> TaxonomyStore.fromConfig(config(List.of(new VocConfig.Brand(" ", null, null, false)), null)))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void replacedListsAreSavedAndWinAtTheNextStartOnlyForThatList() throws Exception {
    VocConfig config = config(List.of(new VocConfig.Brand("acme", null, null, true)),
        List.of(new VocConfig.Theme("shipping", null, null)));
    List<Taxonomy> seen = new ArrayList<>();
    TaxonomyStore store = TaxonomyStore.open(config, seen::add);
    store.replaceThemes(List.of(new ThemeDefinition("pricing", null, null)));
    assertThat(seen).hasSize(2);
    assertThat(seen.getLast().themes()).extracting(ThemeDefinition::name).containsExactly("pricing");

    Taxonomy restarted = TaxonomyStore.initial(config);
    assertThat(restarted.themes()).extracting(ThemeDefinition::name).containsExactly("pricing");
    assertThat(restarted.brands()).extracting(BrandDefinition::name).containsExactly("acme");
  }

  @Test
  void aBrokenSavedFileStopsTheStartWithItsName() throws Exception {
    Files.writeString(dir.resolve(TaxonomyStore.FILE), "{\"themes\": [{\"nme\": 1}]}");
    assertThatThrownBy(() -> TaxonomyStore.initial(config(null, null)))
        .isInstanceOf(ConfigException.class).hasMessageContaining(TaxonomyStore.FILE);
  }
}

package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BrandMatcherTest {

  private static final BrandDefinition ACME =
      new BrandDefinition("acme", List.of("Acme", "acme.com", "Acme Corp"), List.of("RoadRunner Pro"), true);
  private static final BrandDefinition GLOBEX = new BrandDefinition("globex", List.of("Globex Corp"), null, false);
  private static final BrandMatcher MATCHER = new BrandMatcher(List.of(ACME, GLOBEX));

  private static List<String> found(String text) {
    return MATCHER.find(text).stream()
        .map(m -> m.brand().name() + "=" + text.substring(m.start(), m.end())).toList();
  }

  @Test
  void findsNamesAliasesAndProductsIgnoringCase() {
    assertThat(found("ACME support and acme.com are fine, my RoadRunner Pro too; globex is worse."))
        .containsExactly("acme=ACME", "acme=acme.com", "acme=RoadRunner Pro", "globex=globex");
  }

  @Test
  void possessivesHashtagsAndHandlesAreMentions() {
    assertThat(found("Acme's app beats Globex’s. #acme @globex")).containsExactly(
        "acme=Acme", "globex=Globex", "acme=acme", "globex=globex");
  }

  @Test
  void aMultiWordNameMatchesWrittenAsOneWordAndTheLongestNameWins() {
    assertThat(found("#GlobexCorp vs Acme Corp")).containsExactly("globex=GlobexCorp", "acme=Acme Corp");
  }

  @Test
  void wordsThatOnlyContainAName() {
    assertThat(found("Acmeville and subacme and globexes are not brands")).isEmpty();
  }

  @Test
  void noBrandsFindsNothing() {
    assertThat(new BrandMatcher(List.of()).find("Acme")).isEmpty();
  }
}

package org.voc.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path dir;

  @Test
  void defaultsNeedNoFile() {
    VocConfig config = new ConfigLoader(Map.of(), dir).load(ConfigLoader.Overrides.NONE);
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.data()).isEqualTo(dir.resolve("data"));
    assertThat(config.limits().maxDocumentBytes()).isEqualTo(1 << 20);
    assertThat(config.limits().maxRequestBytes()).isEqualTo(64 << 20);
  }

  @Test
  void localVocYamlIsReadThenEnvThenFlagsOverride() throws IOException {
    Files.writeString(dir.resolve("voc.yaml"), """
        port: 9000
        data: ./store
        brands:
          - {name: acme, aliases: [Acme, ACME], own: true}
          - {name: globex, aliases: [Globex Corp]}
        themes: [{name: shipping, description: "delivery", examples: ["took weeks"]}]
        """);
    VocConfig fromFile = new ConfigLoader(Map.of(), dir).load(ConfigLoader.Overrides.NONE);
    assertThat(fromFile.port()).isEqualTo(9000);
    assertThat(fromFile.data()).isEqualTo(dir.resolve("store"));
    assertThat(fromFile.brands()).extracting(VocConfig.Brand::name).containsExactly("acme", "globex");
    assertThat(fromFile.brands().getFirst().own()).isTrue();

    VocConfig fromEnv = new ConfigLoader(Map.of("VOC_PORT", "9100", "VOC_DATA", "/tmp/x"), dir)
        .load(ConfigLoader.Overrides.NONE);
    assertThat(fromEnv.port()).isEqualTo(9100);
    assertThat(fromEnv.data()).isEqualTo(Path.of("/tmp/x"));

    VocConfig fromFlags = new ConfigLoader(Map.of("VOC_PORT", "9100"), dir)
        .load(new ConfigLoader.Overrides(null, null, 9200, Path.of("flagged")));
    assertThat(fromFlags.port()).isEqualTo(9200);
    assertThat(fromFlags.data()).isEqualTo(dir.resolve("flagged"));
  }

  @Test
  void vocConfigEnvNamesTheFile() throws IOException {
    Files.writeString(dir.resolve("other.yaml"), "port: 7000\n");
    VocConfig config = new ConfigLoader(Map.of("VOC_CONFIG", "other.yaml"), dir).load(ConfigLoader.Overrides.NONE);
    assertThat(config.port()).isEqualTo(7000);
  }

  @Test
  void unknownKeyIsReportedWithItsName() throws IOException {
    Files.writeString(dir.resolve("voc.yaml"), "port: 9000\nprot: 9001\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of(), dir).load(ConfigLoader.Overrides.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'prot'")
        .hasMessageContaining("line 2");
  }

  @Test
  void nestedUnknownKeyNamesItsPath() throws IOException {
    Files.writeString(dir.resolve("voc.yaml"), "limits:\n  maxDocBytes: 10\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of(), dir).load(ConfigLoader.Overrides.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'maxDocBytes'")
        .hasMessageContaining("limits");
  }

  @Test
  void searchBudgetIsReadAndMustBePositive() throws IOException {
    Files.writeString(dir.resolve("voc.yaml"), "limits:\n  searchMillis: 750\n");
    assertThat(new ConfigLoader(Map.of(), dir).load(ConfigLoader.Overrides.NONE).limits().searchMillis())
        .isEqualTo(750);
    assertThat(VocConfig.Limits.DEFAULT.searchMillis()).isEqualTo(2_000);

    Files.writeString(dir.resolve("voc.yaml"), "limits:\n  searchMillis: 0\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of(), dir).load(ConfigLoader.Overrides.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("searchMillis");
  }

  @Test
  void missingConfigFileIsAnError() {
    assertThatThrownBy(() -> new ConfigLoader(Map.of(), dir)
        .load(new ConfigLoader.Overrides(dir.resolve("nope.yaml"), null, null, null)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void badPortInEnvIsAnError() {
    assertThatThrownBy(() -> new ConfigLoader(Map.of("VOC_PORT", "eighty"), dir).load(ConfigLoader.Overrides.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("VOC_PORT");
  }

  @Test
  void shutdownPeriodsDefaultToTenSecondsAndMustNotBeNegative() throws IOException {
    VocConfig defaults = new ConfigLoader(Map.of(), dir).load(ConfigLoader.Overrides.NONE);
    assertThat(defaults.shutdown()).isEqualTo(new VocConfig.Shutdown(10, 10));
    Files.writeString(dir.resolve("voc.yaml"), "shutdown: {requestSeconds: 25, drainSeconds: 0}\n");
    assertThat(new ConfigLoader(Map.of(), dir).load(ConfigLoader.Overrides.NONE).shutdown())
        .isEqualTo(new VocConfig.Shutdown(25, 0));
    Files.writeString(dir.resolve("voc.yaml"), "shutdown: {drainSeconds: -1}\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of(), dir).load(ConfigLoader.Overrides.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("shutdown.requestSeconds and shutdown.drainSeconds must be 0 or more");
  }

  @Test
  void shortApiKeyAndUnknownScopeAreErrors() throws IOException {
    Files.writeString(dir.resolve("voc.yaml"), "apiKeys: [{key: short, scopes: [read]}]\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of(), dir).load(ConfigLoader.Overrides.NONE))
        .hasMessageContaining("at least 16");
    Files.writeString(dir.resolve("voc.yaml"), "apiKeys: [{key: 0123456789abcdef0123, scopes: [write]}]\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of(), dir).load(ConfigLoader.Overrides.NONE))
        .hasMessageContaining("unknown scope 'write'");
  }

  @Test
  void urgencyRulesExtendTheDefaults() throws IOException {
    Files.writeString(dir.resolve("voc.yaml"), """
        urgency:
          strongNegative: -0.8
          rules:
            - {signal: fraud, effect: high, phrases: ["money vanished"]}
            - {signal: vip, effect: raise, phrases: ["gold member", "platinum customer"]}
        """);
    VocConfig config = new ConfigLoader(Map.of(), dir).load(ConfigLoader.Overrides.NONE);
    org.voc.nlp.UrgencyRules rules = config.urgency().toRules();

    assertThat(rules.strongNegative()).isEqualTo(-0.8);
    assertThat(rules.rules()).extracting(org.voc.nlp.UrgencyRules.Rule::signal).contains("outage", "fraud", "vip");
    assertThat(rules.assess("My money vanished", null).level()).isEqualTo("high");
    assertThat(VocConfig.defaults().urgency().toRules().rules()).isEqualTo(org.voc.nlp.UrgencyRules.defaults().rules());
  }

  @Test
  void urgencyRulesMayReplaceTheDefaults() throws IOException {
    Files.writeString(dir.resolve("voc.yaml"), """
        urgency: {replaceDefaults: true, rules: [{signal: vip, effect: high, phrases: [gold member]}]}
        """);
    VocConfig config = new ConfigLoader(Map.of(), dir).load(ConfigLoader.Overrides.NONE);

    assertThat(config.urgency().toRules().rules()).extracting(org.voc.nlp.UrgencyRules.Rule::signal)
        .containsExactly("vip");
  }

  @Test
  void badUrgencyRulesAreConfigErrors() throws IOException {
    Map<String, String> bad = Map.of(
        "urgency: {rules: [{signal: vip, effect: urgent, phrases: [x]}]}", "effect must be high, raise or low",
        "urgency: {rules: [{signal: vip, effect: high}]}", "'vip' has no phrases",
        "urgency: {rules: [{effect: high, phrases: [x]}]}", "signal",
        "urgency: {rules: [{signal: vip, effect: high, phrases: [\"!!\"]}]}", "phrase '!!'",
        "urgency: {strongNegative: 0.5}", "strongNegative must be between -1 and 0",
        "urgency: {rules: [{signal: vip, effect: high, phrase: [x]}]}", "unknown key 'phrase'");
    for (Map.Entry<String, String> entry : bad.entrySet()) {
      Files.writeString(dir.resolve("voc.yaml"), entry.getKey() + "\n");
      assertThatThrownBy(() -> new ConfigLoader(Map.of(), dir).load(ConfigLoader.Overrides.NONE))
          .as(entry.getKey())
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(entry.getValue());
    }
  }
}

package org.voc.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.nlp.AnalysisPipeline;

/** {@code analysis.pipeline}: full by default, fast on request, with the transformer as its only sentiment. */
class AnalysisPipelineConfigTest {

  @TempDir Path dir;

  private VocConfig.Analysis load(String yaml) throws IOException {
    Files.writeString(dir.resolve("voc.yaml"), yaml);
    return new ConfigLoader(Map.of(), dir).load(ConfigLoader.Overrides.NONE).analysis();
  }

  @Test
  void fullWithTheEnsembleIsTheDefault() throws IOException {
    VocConfig.Analysis analysis = load("port: 9000\n");
    assertThat(analysis.analysisPipeline()).isEqualTo(AnalysisPipeline.FULL);
    assertThat(analysis.sentiment()).isEqualTo("ensemble");
  }

  @Test
  void fastScoresSentimentWithTheTransformer() throws IOException {
    VocConfig.Analysis analysis = load("analysis:\n  pipeline: fast\n  workers: 3\n");
    assertThat(analysis.analysisPipeline()).isEqualTo(AnalysisPipeline.FAST);
    assertThat(analysis.sentiment()).isEqualTo("transformer");
    assertThat(analysis.workers()).isEqualTo(3);
    assertThat(load("analysis: {pipeline: fast, sentiment: transformer}\n").analysisPipeline())
        .isEqualTo(AnalysisPipeline.FAST);
  }

  @Test
  void theHeadOverFrozenVectorsIsForTheFastPipelineOnly() throws IOException {
    assertThat(load("analysis: {pipeline: fast, sentiment: transformer-head}\n").sentiment())
        .isEqualTo("transformer-head");
    assertThatThrownBy(() -> load("analysis: {sentiment: transformer-head}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("analysis.sentiment")
        .hasMessageContaining("analysis.pipeline: fast");
  }

  @Test
  void unknownPipelineIsAnErrorNamingTheKey() {
    assertThatThrownBy(() -> load("analysis:\n  pipeline: quick\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("analysis.pipeline")
        .hasMessageContaining("quick");
  }

  @Test
  void fastWithAnotherSentimentModelIsAnError() {
    assertThatThrownBy(() -> load("analysis: {pipeline: fast, sentiment: ensemble}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("analysis.sentiment")
        .hasMessageContaining("ensemble");
  }

  @Test
  void aFlagSwitchesThePipelineAndIsValidatedLikeTheFile() throws IOException {
    VocConfig.Analysis fast = load("analysis: {sentiment: ensemble}\n").withPipeline("fast");
    ConfigLoader.validate(fast);
    assertThat(fast.sentiment()).isEqualTo("transformer");
    assertThat(load("analysis: {sentiment: corenlp}\n").withPipeline("full").sentiment()).isEqualTo("corenlp");
    VocConfig.Analysis head = load("analysis: {pipeline: fast, sentiment: transformer-head}\n");
    assertThat(head.withPipeline("fast").sentiment()).isEqualTo("transformer-head");
    assertThat(head.withPipeline("full").sentiment()).isEqualTo("transformer");
    assertThatThrownBy(() -> ConfigLoader.validate(VocConfig.Analysis.DEFAULT.withPipeline("slow")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("analysis.pipeline");
  }

  @Test
  void everyShippedTargetModelIsUsedUnlessFewerAreAskedFor() throws IOException {
    assertThat(load("port: 9000\n").targetModels()).isEqualTo(org.voc.nlp.ShippedSentiment.TARGET_TOPS.size());
    assertThat(load("analysis: {targetModels: 1}\n").targetModels()).isEqualTo(1);
    assertThat(load("analysis: {targetModels: 1}\n").withPipeline("fast").targetModels()).isEqualTo(1);
    for (String wrong : List.of("0", String.valueOf(org.voc.nlp.ShippedSentiment.TARGET_TOPS.size() + 1))) {
      assertThatThrownBy(() -> load("analysis: {targetModels: " + wrong + "}\n"))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("analysis.targetModels")
          .hasMessageContaining(wrong);
    }
  }
}

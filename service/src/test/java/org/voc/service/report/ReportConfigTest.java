package org.voc.service.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.service.config.ConfigException;
import org.voc.service.config.ConfigLoader;
import org.voc.service.config.VocConfig;

/** {@code reports.weekly} in {@code voc.yaml}. */
class ReportConfigTest {

  @TempDir Path dir;

  private VocConfig load(String yaml) throws Exception {
    Path file = Files.writeString(dir.resolve("voc.yaml"), yaml);
    return new ConfigLoader(Map.of(), dir).load(new ConfigLoader.Overrides(file, null, null, null));
  }

  @Test
  void weeklyScheduleIsReadWithDefaultsForDayAndHour() throws Exception {
    VocConfig.Weekly weekly = load("reports: {weekly: {day: FRIDAY, hour: 9, webhook: \"https://hooks.example/x\"}}\n")
        .reports().weekly();
    assertThat(weekly).isEqualTo(new VocConfig.Weekly(DayOfWeek.FRIDAY, 9, "https://hooks.example/x", null));
    assertThat(load("reports: {weekly: {}}\n").reports().weekly())
        .isEqualTo(new VocConfig.Weekly(DayOfWeek.MONDAY, 7, null, null));
    assertThat(load("port: 8081\n").reports().weekly()).isNull();
  }

  @Test
  void badHourDayWebhookOrUnknownKeyIsAConfigError() {
    assertThatThrownBy(() -> load("reports: {weekly: {hour: 24}}\n")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("hour");
    assertThatThrownBy(() -> load("reports: {weekly: {day: SOMEDAY}}\n")).isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> load("reports: {weekly: {webhook: \"ftp://x\"}}\n")).isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> load("reports: {weekly: {every: 3}}\n")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("every");
  }
}

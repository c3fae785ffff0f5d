package org.voc.service.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IsoWeekTest {

  private static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  @Test
  void parsesAnIsoWeekAndKnowsItsDays() {
    IsoWeek week = IsoWeek.parse("2026-W47");
    assertThat(week.monday()).isEqualTo(LocalDate.parse("2026-11-16"));
    assertThat(week.sunday()).isEqualTo(LocalDate.parse("2026-11-22"));
    assertThat(week.start()).isEqualTo(Instant.parse("2026-11-16T00:00:00Z"));
    assertThat(week.end()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
    assertThat(week.minus(47).toString()).isEqualTo("2025-W52");
    assertThat(IsoWeek.parse("2026-W53").monday()).isEqualTo(LocalDate.parse("2026-12-28"));
    assertThat(new IsoWeek(1000, 1).minus(1)).hasToString("0999-W52");
  }

  @Test
  void rejectsWhatIsNotAnIsoWeek() {
    for (String bad : new String[] {"2026-47", "2026-W7", "2026-W00", "2025-W53", "W47", "", "2026-W47x", "1899-W01"}) {
      assertThatThrownBy(() -> IsoWeek.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void defaultWeekIsTheLastCompleteOne() {
    assertThat(IsoWeek.lastComplete(at("2026-11-25T10:00:00Z"))).hasToString("2026-W47");
    assertThat(IsoWeek.lastComplete(at("2026-11-23T00:00:00Z"))).hasToString("2026-W47");
    assertThat(IsoWeek.lastComplete(at("2026-11-22T23:59:59Z"))).hasToString("2026-W46");
    assertThat(IsoWeek.lastComplete(at("2027-01-01T12:00:00Z"))).hasToString("2026-W52");
    assertThat(IsoWeek.lastComplete(at("2027-01-04T12:00:00Z"))).hasToString("2026-W53");
  }

  @Test
  void knowsFutureAndIncompleteWeeks() {
    Clock now = at("2026-11-25T10:00:00Z");
    assertThat(IsoWeek.parse("2026-W48").isFuture(now)).isFalse();
    assertThat(IsoWeek.parse("2026-W48").isComplete(now)).isFalse();
    assertThat(IsoWeek.parse("2026-W49").isFuture(now)).isTrue();
    assertThat(IsoWeek.parse("2026-W47").isComplete(now)).isTrue();
  }
}

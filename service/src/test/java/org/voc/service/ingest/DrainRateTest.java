package org.voc.service.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DrainRateTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(5 * SECOND);
  private final DrainRate rate = new DrainRate(now::get);

  private void analyze(int perSecond, int seconds) {
    for (int s = 0; s < seconds; s++) {
      for (int i = 0; i < perSecond; i++) {
        rate.record();
      }
      now.addAndGet(SECOND);
    }
  }

  @Test
  void theRateIsThatOfTheLastSeconds() {
    analyze(40, 10);

    assertThat(rate.perSecond()).isEqualTo(40.0);
    // 400 queued at 40 a second: a quarter of the queue drains in 2.5 s.
    assertThat(rate.retryAfterSeconds(400)).isEqualTo(3);
  }

  @Test
  void anIdleHourDoesNotMakeABusyServiceLookSlow() {
    analyze(1, 5);
    now.addAndGet(3_600 * SECOND);
    analyze(100, DrainRate.WINDOW_SECONDS);

    assertThat(rate.perSecond()).isEqualTo(100.0);
    // An average since start (about 2.4 a second) would have said 60 s for the same queue.
    assertThat(rate.retryAfterSeconds(1_000)).isEqualTo(3);
  }

  @Test
  void nothingAnalyzedLatelyCountsAsOneASecondWithinBounds() {
    analyze(50, 3);
    now.addAndGet(120 * SECOND);

    assertThat(rate.perSecond()).isZero();
    assertThat(rate.retryAfterSeconds(20)).isEqualTo(5);
    assertThat(rate.retryAfterSeconds(10_000)).isEqualTo(60);
    assertThat(rate.retryAfterSeconds(0)).isEqualTo(1);
  }
}

package org.voc.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void fullBucketGivesItsCapacityThenRefillsAtTheRate() {
    TokenBucket bucket = new TokenBucket(3, 2, 0);
    assertThat(bucket.take(0)).isZero();
    assertThat(bucket.take(0)).isZero();
    assertThat(bucket.take(0)).isZero();
    assertThat(bucket.take(0)).isEqualTo(SECOND / 2); // half a second until the next token at 2 a second
    assertThat(bucket.full(0)).isFalse();
    assertThat(bucket.take(SECOND / 2)).isZero();
    assertThat(bucket.full(10 * SECOND)).isTrue(); // never more than the capacity
    for (int i = 0; i < 3; i++) {
      assertThat(bucket.take(10 * SECOND)).isZero();
    }
    assertThat(bucket.take(10 * SECOND)).isPositive();
  }
}

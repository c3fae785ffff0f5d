package org.voc.index;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.search.ReferenceManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reopens the searchers every interval on one daemon thread, so writes become visible without
 * every writer paying for a reopen. A failure is logged once when it starts and once when it ends,
 * not every interval.
 */
final class PeriodicRefresher implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(PeriodicRefresher.class);

  private final ReferenceManager<?> searchers;
  private final ScheduledExecutorService scheduler;
  private boolean failing; // only touched by the scheduler thread

  PeriodicRefresher(ReferenceManager<?> searchers, Duration interval, String name) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("refresh interval must be positive: " + interval);
    }
    this.searchers = searchers;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, name);
              thread.setDaemon(true);
              return thread;
            });
    long nanos = interval.toNanos();
    scheduler.scheduleWithFixedDelay(this::refresh, nanos, nanos, TimeUnit.NANOSECONDS);
  }

  private void refresh() {
    try {
      searchers.maybeRefresh();
      if (failing) {
        LOG.info("index refresh works again");
        failing = false;
      }
    } catch (IOException | RuntimeException e) {
      // Thrown out of a scheduled task, this would silently cancel every later refresh.
      if (!failing) {
        LOG.warn("index refresh failed; retrying every interval", e);
        failing = true;
      }
    }
  }

  /** Stops refreshing and waits for a refresh in progress to end. */
  @Override
  public void close() throws IOException {
    // shutdown, not shutdownNow: interrupting Lucene mid-read can close its file channels.
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
        throw new IOException("index refresh did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the index refresh", e);
    }
  }
}

package org.voc.service.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voc.nlp.SentimentLabel.NEGATIVE;
import static org.voc.service.report.ReportDocuments.doc;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.index.LuceneDocumentIndex;
import org.voc.nlp.VocJson;
import org.voc.service.config.VocConfig;

/** The weekly schedule on a clock the test moves, with a local webhook receiver. */
class ReportScheduleTest {

  @TempDir Path dir;
  LuceneDocumentIndex index;
  final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T06:59:00Z"));
  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  final List<String> received = new CopyOnWriteArrayList<>();
  Vertx vertx;
  HttpServer receiver;
  volatile int answer = 200;

  @BeforeEach
  void start() throws Exception {
    index = LuceneDocumentIndex.open(dir.resolve("index"), Duration.ofHours(1));
    index.put(doc("shop", "1", "2026-11-17T08:00:00Z", NEGATIVE, "Delivery <b>failed</b> & late.")
        .theme("shipping", NEGATIVE).build());
    index.refresh();
    vertx = Vertx.vertx();
    receiver = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      received.add(body.toString());
      request.response().setStatusCode(answer).end();
    })).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
    index.close();
  }

  private ReportSchedule schedule() {
    VocConfig.Weekly weekly = new VocConfig.Weekly(DayOfWeek.MONDAY, 7,
        "http://127.0.0.1:" + receiver.actualPort() + "/hook", null);
    return new ReportSchedule(weekly, new WeeklyReporter(index, Set::of, clock), new ReportArchive(dir.resolve("reports")),
        "http://reports.example/", metrics);
  }

  @Test
  void writesLastWeeksReportAtTheConfiguredHourOnceAndPostsTheSummary() throws Exception {
    ReportSchedule schedule = schedule();
    new ReportArchive(dir.resolve("reports")).write(new WeeklyReporter(index, Set::of, clock)
        .report(IsoWeek.parse("2026-W46")));

    assertThat(schedule.runDue()).as("Monday 06:59: W46's report is the latest due, and written").isNull();
    assertThat(Files.exists(dir.resolve("reports/2026-W47.html"))).isFalse();

    clock.set(Instant.parse("2026-11-23T07:00:00Z"));
    assertThat(schedule.runDue()).hasToString("2026-W47");
    for (String extension : List.of("html", "json", "csv", "md")) {
      assertThat(dir.resolve("reports/2026-W47." + extension)).isNotEmptyFile();
    }
    assertThat(received).hasSize(1);
    String text = VocJson.mapper().readTree(received.getFirst()).get("text").asText();
    assertThat(text).startsWith("*Weekly report 2026-W47*\n• 1 document in 2026-W47")
        .endsWith("<http://reports.example/v1/reports/2026-W47.html|Open the 2026-W47 report>");
    assertThat(metrics.counter("voc.reports.webhook", "outcome", "sent").count()).isEqualTo(1);

    clock.set(Instant.parse("2026-11-27T12:00:00Z"));
    assertThat(schedule.runDue()).as("already written this week").isNull();
    assertThat(received).hasSize(1);
    assertThat(new ReportArchive(dir.resolve("reports")).list("/v1/reports/"))
        .extracting(ReportArchive.Entry::week).containsExactly("2026-W47", "2026-W46");
  }

  @Test
  void aFailingWebhookIsCountedAndTheReportIsStillWritten() throws Exception {
    answer = 500;
    clock.set(Instant.parse("2026-11-30T09:00:00Z"));

    assertThat(schedule().runDue()).hasToString("2026-W48");
    assertThat(dir.resolve("reports/2026-W48.json")).isNotEmptyFile();
    assertThat(received).hasSize(1);
    assertThat(metrics.counter("voc.reports.webhook", "outcome", "failed").count()).isEqualTo(1);
  }

  @Test
  void theLatestFiringIsTheConfiguredDayAndHourInUtc() {
    ReportSchedule schedule = schedule();
    assertThat(schedule.lastFiring(Instant.parse("2026-11-23T07:00:00Z"))).isEqualTo(Instant.parse("2026-11-23T07:00:00Z"));
    assertThat(schedule.lastFiring(Instant.parse("2026-11-23T06:59:59Z"))).isEqualTo(Instant.parse("2026-11-16T07:00:00Z"));
    assertThat(schedule.lastFiring(Instant.parse("2026-11-29T23:00:00Z"))).isEqualTo(Instant.parse("2026-11-23T07:00:00Z"));
  }

  /** A clock the test sets. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void set(Instant value) {
      now = value;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

package org.voc.service.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voc.nlp.SentimentLabel.NEGATIVE;
import static org.voc.nlp.SentimentLabel.POSITIVE;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.index.LuceneDocumentIndex;
import org.voc.service.report.ReportDocuments;
import picocli.CommandLine;

/** {@code voc report} on a data dir written by the test, with a fixed clock (Wednesday of 2026-W48). */
class ReportCommandTest {

  @TempDir Path dir;
  Path data;
  Path config;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void dataDir() throws Exception {
    data = dir.resolve("data");
    config = Files.writeString(dir.resolve("voc.yaml"), "");
    try (LuceneDocumentIndex index = LuceneDocumentIndex.open(data.resolve("index"))) {
      index.put(ReportDocuments.doc("shop", "1", "2026-11-17T09:00:00Z", NEGATIVE, "Late again.")
          .theme("shipping", NEGATIVE).build());
      index.put(ReportDocuments.doc("shop", "2", "2026-11-18T09:00:00Z", POSITIVE, "Quick delivery.")
          .theme("shipping", POSITIVE).build());
      index.commit(Map.of());
    }
  }

  private int run(String... args) {
    ReportCommand command = new ReportCommand();
    command.stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
    command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
    command.clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(new String[] {"--data", data.toString(), "--config", config.toString()}, 0, all, args.length, 4);
    return new CommandLine(command).execute(all);
  }

  @Test
  void writesTheReportInTheFormatOfTheOutputFile() throws Exception {
    Path csv = dir.resolve("w47.csv");
    assertThat(run("--week", "2026-W47", "--out", csv.toString())).as(err.toString()).isZero();
    assertThat(Files.readString(csv)).contains("2026-W47,overall,all,volume,2\r\n",
        "2026-W47,theme,shipping,net_sentiment,0\r\n");

    Path md = dir.resolve("w47.md");
    assertThat(run("--week", "2026-W47", "--out", md.toString())).isZero();
    assertThat(Files.readString(md)).startsWith("# Weekly report 2026-W47");
  }

  @Test
  void printsToStdoutAndDefaultsToTheLastCompleteWeek() {
    assertThat(run("--format", "json")).as(err.toString()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"week\" : \"2026-W47\"", "\"volume\" : 2");
  }

  @Test
  void badWeekFutureWeekBadFormatAndNoIndexExitWithTwo() throws Exception {
    assertThat(run("--week", "2026-47")).isEqualTo(2);
    assertThat(run("--week", "2026-W50")).isEqualTo(2);
    assertThat(run("--format", "pdf")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--week", "has not started yet", "--format");
    data = dir.resolve("empty");
    assertThat(run("--week", "2026-W47")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no index in");
  }
}

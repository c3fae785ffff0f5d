package org.voc.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.nlp.VocJson;
import org.voc.service.ApiClient;
import org.voc.service.FakeAnalyzer;
import org.voc.service.VocServer;
import org.voc.service.config.VocConfig;
import picocli.CommandLine;

/** {@code voc ingest FILE}: CSV and JSON Lines, mapped columns, rejected rows by line, both sinks. */
class IngestCommandTest {

  @TempDir Path dir;

  private record Run(int exit, JsonNode summary, String err) {}

  private Run ingest(String... args) throws Exception {
    IngestCommand command = new IngestCommand();
    command.sink = new SinkOptions();
    command.sink.analyzers = config -> new FakeAnalyzer();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
    int exit = new CommandLine(command).execute(args);
    String printed = out.toString(StandardCharsets.UTF_8);
    return new Run(exit, printed.isBlank() ? null : VocJson.mapper().readTree(printed), err.toString(StandardCharsets.UTF_8));
  }

  private static final String CSV = """
      review_id,review_body,date,stars,product
      r1,"Great phone, love the battery.",2026-11-02,5,x1
      r2,"Screen cracked after a week.
      Support never answered.",2026-11-03,1,x1
      r3,,2026-11-04,3,x1
      r4,Fine overall.,2026-11-05,nine,x1

      r5,Arrived late.,not a date,2,x2
      r6,Too short row
      """;

  @Test
  void csvWithMappedColumnsIsStoredAndRejectedRowsAreReportedByLine() throws Exception {
    Path file = dir.resolve("reviews.csv");
    Files.writeString(file, CSV);
    Path data = dir.resolve("data");
    Run run = ingest(file.toString(), "--data", data.toString(), "--source", "appstore",
        "--map", "id=review_id,text=review_body,createdAt=date,rating=stars");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.summary().path("rows").asLong()).isEqualTo(6);
    assertThat(run.summary().path("created").asLong()).isEqualTo(2);
    assertThat(run.summary().path("rejected").asLong()).isEqualTo(4);
    assertThat(run.err()).contains("reviews.csv:5: rejected: missing_field")
        .contains("reviews.csv:6: rejected: invalid_type")
        .contains("reviews.csv:8: rejected: invalid_date")
        .contains("reviews.csv:9: rejected: the row has 2 cells");

    Run again = ingest(file.toString(), "--data", data.toString(), "--source", "appstore",
        "--map", "id=review_id,text=review_body,createdAt=date,rating=stars");
    assertThat(again.summary().path("duplicate").asLong()).isEqualTo(2);
    assertThat(again.summary().path("created").asLong()).isZero();

    VocConfig config = new VocConfig("127.0.0.1", 0, data, null, null, null, null, null, null, null, null, null);
    try (VocServer server = VocServer.start(config, new FakeAnalyzer(), FakeAnalyzer::embed, Clock.systemUTC())) {
      ApiClient api = new ApiClient(server.port());
      JsonNode stored = api.get("/v1/documents/appstore/r2").json();
      assertThat(stored.path("status").asText()).isEqualTo("analyzed");
      assertThat(stored.path("document").path("text").asText()).isEqualTo("Screen cracked after a week.\nSupport never answered.");
      assertThat(stored.path("document").path("kind").asText()).isEqualTo("review");
      assertThat(stored.path("document").path("rating").asDouble()).isEqualTo(1.0);
      assertThat(stored.path("document").path("product").asText()).isEqualTo("x1");
    }
  }

  @Test
  void jsonLinesArePostedToARunningServerInBatches() throws Exception {
    Path file = dir.resolve("posts.jsonl");
    Files.writeString(file, """
        {"id": 1, "body": "Love it", "meta": {"lang": "en"}}
        {"id": 2, "body": "Crashes on start", "kind": "post"}
        not json

        {"id": 3}
        {"id": 4, "body": "Works", "source": "reddit"}
        """);
    VocConfig config = new VocConfig("127.0.0.1", 0, dir.resolve("served"), null, null, null, null, null, null, null, null, null);
    try (VocServer server = VocServer.start(config, new FakeAnalyzer(), FakeAnalyzer::embed, Clock.systemUTC())) {
      Run run = ingest(file.toString(), "--server", "http://127.0.0.1:" + server.port(), "--batch", "2",
          "--map", "text=body,lang=meta.lang");
      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(run.summary().path("created").asLong()).isEqualTo(3);
      assertThat(run.err()).contains("posts.jsonl:3: rejected: invalid JSON").contains("posts.jsonl:5: rejected: missing_field");
      ApiClient api = new ApiClient(server.port());
      JsonNode first = api.get("/v1/documents/jsonl/1").json().path("document");
      assertThat(first.path("lang").asText()).isEqualTo("en");
      assertThat(first.path("kind").asText()).isEqualTo("review");
      assertThat(api.get("/v1/documents/jsonl/2").json().path("document").path("kind").asText()).isEqualTo("post");
      assertThat(api.get("/v1/documents/reddit/4").status()).isEqualTo(200);
    }
  }

  @Test
  void aMappingToAMissingColumnOrUnknownFieldStopsBeforeAnyRow() throws Exception {
    Path file = dir.resolve("reviews.csv");
    Files.writeString(file, CSV);
    Run missing = ingest(file.toString(), "--data", dir.resolve("d").toString(), "--map", "text=body");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("no column 'body'");
    Run unknown = ingest(file.toString(), "--data", dir.resolve("d").toString(), "--map", "txt=review_body");
    assertThat(unknown.err()).contains("unknown document field 'txt'");
    assertThat(ingest(dir.resolve("nope.csv").toString()).exit()).isEqualTo(2);
  }

  @Test
  void aDataDirInUseByARunningServiceAsksForServer() throws Exception {
    Path file = dir.resolve("posts.jsonl");
    Files.writeString(file, "{\"text\": \"hello\"}\n");
    Path data = dir.resolve("busy");
    VocConfig config = new VocConfig("127.0.0.1", 0, data, null, null, null, null, null, null, null, null, null);
    try (VocServer server = VocServer.start(config, new FakeAnalyzer(), FakeAnalyzer::embed, Clock.systemUTC())) {
      Run run = ingest(file.toString(), "--data", data.toString());
      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err()).contains("in use by a running voc service").contains("--server");
    }
  }
}

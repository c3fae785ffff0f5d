package org.voc.eval.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.models.CoreNlpPipeline;
import org.voc.models.CoreNlpSettings;
import picocli.CommandLine;

class BenchCommandTest {

  @TempDir
  Path dir;

  /** Leaves out the memory figure: loading both models alone takes 15 s; see {@link #processRssIsRead}. */
  @Test
  void smallRunPrintsEveryIndexFigureAndWritesJson() throws Exception {
    Path json = dir.resolve("bench.json");
    PrintStream stdout = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int exit;
    try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      exit = new CommandLine(new BenchCommand())
          .execute("--docs", "1000", "--runs", "1", "--queries", "10", "--only", "search,report", "--out", json.toString());
    } finally {
      System.setOut(stdout);
    }
    String table = printed.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, table);
    for (String figure : List.of("search keyword p50", "search semantic p99", "search hybrid p99",
        "search facets p99", "weekly report")) {
      assertTrue(table.contains(figure), figure + " missing from\n" + table);
    }
    assertTrue(Files.readString(json).contains("\"search hybrid p99\""));
  }

  /** The baseline server with the cheapest pipeline: starting it is a JVM start (about 2 s), no parser. */
  @Test
  void coreNlpServerCountsSentencesOverHttpAndStopsOnClose() throws Exception {
    Properties properties = CoreNlpPipeline.properties(CoreNlpSettings.defaults());
    CoreNlpServer server = CoreNlpServer.start(properties, "tokenize,ssplit", 2, dir);
    try (server) {
      String text = "The app crashed. Support never answered!";
      assertEquals(2, server.annotate(text, CoreNlpServer.Output.JSON));
      assertEquals(2, server.annotate(text, CoreNlpServer.Output.SERIALIZED));
      CoreNlpThroughput.Pass pass = CoreNlpThroughput.pass(List.of("One.", "Two. Three.", "Four."), 2,
          t -> server.annotate(t, CoreNlpServer.Output.JSON));
      assertEquals(4, pass.sentences());
    }
    assertFalse(server.isRunning());
  }

  @Test
  void unknownPartIsRefused() {
    PrintStream stderr = System.err;
    int exit;
    try (PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)) {
      System.setErr(quiet);
      exit = new CommandLine(new BenchCommand()).execute("--only", "ingest,speed");
    } finally {
      System.setErr(stderr);
    }
    assertNotEquals(0, exit);
  }

  @Test
  void processRssIsRead() throws Exception {
    long rss = MemoryFigure.rssBytes();
    assertTrue(rss > 1 << 20 && rss < Runtime.getRuntime().maxMemory() * 4, "RSS " + rss);
  }

  @Test
  void sameSeedGivesSameDocuments() {
    SyntheticCorpus a = new SyntheticCorpus(3);
    SyntheticCorpus b = new SyntheticCorpus(3);
    for (int i = 0; i < 50; i++) {
      assertEquals(a.next(i, 50).document(), b.next(i, 50).document());
    }
  }
}

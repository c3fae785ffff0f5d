package org.voc.service;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The service's own logback.xml, configured as at start-up, with the log format switched by VOC_LOG_FORMAT. */
class LogLineEncoderTest {

  private static final String HOSTILE = "a \"quoted\" text\nwith a newline,\ta tab, \u0001 a control character and \\ a backslash";

  @Test
  void jsonFormatWritesOneJsonObjectPerLineEvenForTextsWithQuotesAndNewlines() throws Exception {
    List<String> lines = logWithFormat("json", log -> {
      log.info("Client sent {}", HOSTILE);
      log.warn("Could not index document {}", "zendesk / T-1", new IllegalStateException("disk \"full\"\nreally"));
    });

    assertThat(lines).hasSize(2);
    ObjectMapper mapper = new ObjectMapper();
    JsonNode info = mapper.readTree(lines.get(0));
    assertThat(info.path("level").asText()).isEqualTo("INFO");
    assertThat(info.path("loggerName").asText()).isEqualTo("org.voc.test.Ingest");
    assertThat(info.path("formattedMessage").asText()).isEqualTo("Client sent " + HOSTILE);
    assertThat(info.path("timestamp").asLong()).isCloseTo(System.currentTimeMillis(),
        org.assertj.core.api.Assertions.within(60_000L));
    assertThat(info.path("threadName").asText()).isEqualTo(Thread.currentThread().getName());
    JsonNode warn = mapper.readTree(lines.get(1));
    assertThat(warn.path("level").asText()).isEqualTo("WARN");
    assertThat(warn.path("formattedMessage").asText()).isEqualTo("Could not index document zendesk / T-1");
    assertThat(warn.path("throwable").path("className").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(warn.path("throwable").path("message").asText()).isEqualTo("disk \"full\"\nreally");
    assertThat(warn.path("throwable").path("stepArray").size()).isPositive();
  }

  @Test
  void textIsTheFallbackForAnUnknownFormat() throws Exception {
    List<String> lines = logWithFormat("yaml", log -> log.info("plain {}", "words"));

    assertThat(lines).singleElement().satisfies(line -> {
      assertThat(line).doesNotStartWith("{");
      assertThat(line).contains("INFO", "Ingest - plain words");
    });
  }

  private interface Logging {
    void to(Logger log);
  }

  /** Configures a fresh logger context from logback.xml with VOC_LOG_FORMAT = {@code format}, and captures stderr. */
  private static List<String> logWithFormat(String format, Logging logging) throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    context.putProperty("VOC_LOG_FORMAT", format);
    context.putProperty("VOC_LOG_LEVEL", "INFO");
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LogLineEncoderTest.class.getResource("/logback.xml"));
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      logging.to(context.getLogger("org.voc.test.Ingest"));
    } finally {
      System.setErr(stderr);
      context.stop();
    }
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }
}

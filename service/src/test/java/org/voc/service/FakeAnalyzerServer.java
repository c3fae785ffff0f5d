package org.voc.service;

import java.nio.file.Path;
import java.time.Clock;
import org.voc.service.config.VocConfig;

/**
 * {@code voc serve} with the {@link FakeAnalyzer} instead of the models, for tests that run the
 * service as a child process (and kill it): starts in a second, not a minute. Arguments: port, data dir.
 */
public final class FakeAnalyzerServer {

  private FakeAnalyzerServer() {}

  public static void main(String[] args) throws Exception {
    VocConfig defaults = VocConfig.defaults();
    // No rate limit: every test client is one address, and the tests that use this count answers, not rates.
    VocConfig config = new VocConfig(defaults.host(), Integer.parseInt(args[0]), Path.of(args[1]), null, null, null,
        null, null, null, defaults.limits().withRate(0, 0), null, null);
    FakeAnalyzer analyzer = new FakeAnalyzer();
    VocServer server = VocServer.start(config, analyzer, FakeAnalyzer::embed, Clock.systemUTC(),
        analyzer::setTaxonomy, analyzer.classifierHost());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        System.err.println("error while stopping: " + e);
      }
    }, "voc-shutdown"));
    Thread.currentThread().join(); // until killed
  }
}

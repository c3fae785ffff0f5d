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
    VocConfig config = VocConfig.defaults().withPort(Integer.parseInt(args[0])).withData(Path.of(args[1]));
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

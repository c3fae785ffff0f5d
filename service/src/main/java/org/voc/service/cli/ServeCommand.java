package org.voc.service.cli;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.voc.nlp.DocumentAnalyzer;
import org.voc.service.Analyzers;
import org.voc.service.VocServer;
import org.voc.service.config.VocConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code voc serve}: loads the models and runs the HTTP service until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the HTTP service.")
final class ServeCommand implements Callable<Integer> {

  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws Exception {
    VocConfig config = options.load();
    DocumentAnalyzer analyzer = Analyzers.load(config);
    VocServer server = VocServer.start(config, analyzer.forIndex(),
        analyzer.searchEncoder().<java.util.function.Function<String, float[]>>map(e -> e::embed).orElse(null),
        Clock.systemUTC(), analyzer::setTaxonomy, Analyzers.classifierHost(analyzer));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        System.err.println("voc: error while stopping: " + e.getMessage());
      } finally {
        stopped.countDown();
      }
    }, "voc-shutdown"));
    stopped.await();
    return 0;
  }
}

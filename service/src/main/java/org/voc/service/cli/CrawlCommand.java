package org.voc.service.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.voc.crawlers.CrawlReport;
import org.voc.crawlers.CrawlSource;
import org.voc.crawlers.CrawlState;
import org.voc.crawlers.Crawler;
import org.voc.crawlers.DocumentSink;
import org.voc.nlp.VocJson;
import org.voc.service.config.ConfigLoader;
import org.voc.service.config.VocConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code voc crawl CONFIG}: crawls the configuration's {@code crawler.sources} once and ingests
 * what is new, in-process through the data dir or into a running service ({@code --server}). The
 * crawl state stays in the data dir either way.
 */
@Command(name = "crawl", mixinStandardHelpOptions = true,
    description = "Crawl the configured feeds, sitemaps and review pages once and ingest what is new.")
final class CrawlCommand implements Callable<Integer> {

  @Parameters(paramLabel = "CONFIG", description = "the configuration file with crawler.sources (voc.yaml)")
  Path configFile;

  @Option(names = "--data", paramLabel = "DIR", description = "data directory (crawl state; the index without --server)")
  Path data;

  @Mixin SinkOptions sink;

  PrintStream out = System.out;
  PrintStream err = System.err;

  @Override
  public Integer call() throws Exception {
    VocConfig config = new ConfigLoader(System.getenv(), Path.of("").toAbsolutePath())
        .load(new ConfigLoader.Overrides(configFile, null, null, data));
    List<CrawlSource> sources = new ArrayList<>();
    try {
      for (int i = 0; i < config.crawler().sources().size(); i++) {
        sources.add(CrawlSource.parse(config.crawler().sources().get(i), i));
      }
    } catch (IllegalArgumentException e) {
      err.println("voc crawl: " + configFile + ": " + e.getMessage());
      return 2;
    }
    if (sources.isEmpty()) {
      err.println("voc crawl: " + configFile + " lists no crawler.sources");
      return 2;
    }
    Crawler.Settings settings = Crawler.Settings.defaults(config.crawler().allowPrivateAddresses(),
        config.crawler().delayMillis());
    long started = System.nanoTime();
    CrawlReport report;
    DocumentSink documents;
    try {
      documents = sink.open(config);
    } catch (IllegalArgumentException e) {
      err.println("voc crawl: " + e.getMessage());
      return 2;
    }
    try (documents;
        Crawler crawler = new Crawler(settings, CrawlState.open(config.data()), documents,
            progress -> err.print("\r" + progress.line()))) {
      report = crawler.crawl(sources);
    }
    err.println();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("sources", sources.size());
    summary.putAll(report.ordered());
    summary.put("seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
    out.println(VocJson.mapper().writeValueAsString(summary));
    return 0;
  }
}

package org.voc.service.cli;

import java.io.IOException;
import java.net.URI;
import java.util.function.Function;
import org.voc.crawlers.DocumentSink;
import org.voc.crawlers.HttpDocumentSink;
import org.voc.nlp.AnalyzedDocument;
import org.voc.nlp.Document;
import org.voc.service.Analyzers;
import org.voc.service.config.VocConfig;
import picocli.CommandLine.Option;

/** Where {@code ingest} and {@code crawl} send documents: a running service, else the data dir. */
final class SinkOptions {

  @Option(names = "--server", paramLabel = "URL", description = "post to this running service (e.g. http://127.0.0.1:8080) instead of writing to the data dir")
  URI server;

  @Option(names = "--api-key", paramLabel = "KEY", description = "API key with the ingest scope for --server (default: $VOC_API_KEY)")
  String apiKey;

  /** Loads the models for in-process analysis; tests replace it with a fake. */
  Function<VocConfig, Function<Document, AnalyzedDocument>> analyzers =
      config -> Analyzers.load(config).forIndex();

  DocumentSink open(VocConfig config) throws IOException {
    if (server != null) {
      String key = apiKey != null ? apiKey : System.getenv("VOC_API_KEY");
      return new HttpDocumentSink(server, key == null || key.isBlank() ? null : key);
    }
    try {
      return DataDirSink.open(config, analyzers.apply(config));
    } catch (org.apache.lucene.store.LockObtainFailedException e) {
      throw new IllegalArgumentException(config.data() + " is in use by a running voc service: send to it with --server URL");
    }
  }
}

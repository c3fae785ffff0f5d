package org.voc.service.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.voc.crawlers.DocumentSink;
import org.voc.index.DocumentIndex;
import org.voc.index.LuceneDocumentIndex;
import org.voc.nlp.AnalyzedDocument;
import org.voc.nlp.Document;
import org.voc.service.config.VocConfig;
import org.voc.service.http.DocumentReader;
import org.voc.service.ingest.IngestPipeline;
import org.voc.service.ingest.PiiRedactor;
import org.voc.service.ingest.Journal;
import org.voc.service.ingest.PipelineSink;

/**
 * The ingest pipeline of the data dir, without HTTP: what {@code voc ingest} and {@code voc crawl}
 * write through when no {@code --server} is given. Documents are validated as {@code POST
 * /v1/documents} validates them, journaled, analyzed by the worker pool and indexed; {@link
 * #close()} waits for the analyses, so the documents are searchable at the next {@code serve}. A
 * service running on the same data dir holds the index lock: post to it with {@code --server}.
 */
final class DataDirSink implements DocumentSink {

  private static final long JOURNAL_SEGMENT_BYTES = 64L << 20;
  /** Rare commits: what is accepted is durable in the journal anyway, and close() commits. */
  private static final Duration COMMIT_INTERVAL = Duration.ofMinutes(1);

  private final PipelineSink sink;
  private final IngestPipeline pipeline;
  private final DocumentIndex index;
  private final Journal journal;

  private DataDirSink(DocumentReader reader, IngestPipeline pipeline, DocumentIndex index, Journal journal) {
    this.sink = new PipelineSink(reader, pipeline);
    this.pipeline = pipeline;
    this.index = index;
    this.journal = journal;
  }

  static DataDirSink open(VocConfig config, Function<Document, AnalyzedDocument> analyzer) throws IOException {
    Files.createDirectories(config.data());
    DocumentIndex index = LuceneDocumentIndex.open(config.data().resolve("index"));
    Journal journal = Journal.open(config.data().resolve("journal"), JOURNAL_SEGMENT_BYTES);
    IngestPipeline pipeline = new IngestPipeline(journal, index, analyzer, config.analysis().workers(),
        config.limits().queueCapacity(), COMMIT_INTERVAL, new SimpleMeterRegistry(),
        PiiRedactor.when(config.privacy().redact()));
    pipeline.start();
    return new DataDirSink(new DocumentReader(config.limits().maxDocumentBytes(), Clock.systemUTC()), pipeline,
        index, journal);
  }

  @Override
  public List<Result> send(List<ObjectNode> documents) throws IOException, InterruptedException {
    return sink.send(documents);
  }

  /** Waits for every accepted document's analysis, then commits and closes the stores. */
  @Override
  public void close() throws IOException {
    try {
      sink.awaitAnalyses();
      // Publish now rather than at the pipeline's next refresh.
      pipeline.refresh();
    } finally {
      pipeline.close();
      index.close();
      journal.close();
    }
  }
}

package org.voc.service.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.voc.crawlers.DocumentSink;
import org.voc.service.http.ApiError;
import org.voc.service.http.DocumentReader;

/**
 * Found documents into an ingest pipeline in this process, validated as {@code POST /v1/documents}
 * validates them; a full analysis queue is waited out rather than reported. Used by {@code voc
 * ingest} and {@code voc crawl} without a server, and by the service's scheduled crawls. Closing it
 * closes nothing of the pipeline's.
 */
public final class PipelineSink implements DocumentSink {

  private final DocumentReader reader;
  private final IngestPipeline pipeline;
  private final List<CompletableFuture<?>> analyses = new ArrayList<>();

  public PipelineSink(DocumentReader reader, IngestPipeline pipeline) {
    this.reader = reader;
    this.pipeline = pipeline;
  }

  @Override
  public synchronized List<Result> send(List<ObjectNode> documents) throws IOException, InterruptedException {
    Result[] results = new Result[documents.size()];
    List<Submission> valid = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      DocumentReader.Result read = reader.read(documents.get(i));
      if (read.ok()) {
        valid.add(read.submission());
        positions.add(i);
      } else {
        ApiError error = read.error();
        results[i] = new Result("rejected", error.code(), error.message(), error.field());
      }
    }
    List<Accepted> accepted = acceptWhenRoom(valid);
    for (int j = 0; j < accepted.size(); j++) {
      results[positions.get(j)] = Result.of(accepted.get(j).status().wireName());
      analyses.add(accepted.get(j).indexed());
    }
    analyses.removeIf(CompletableFuture::isDone);
    return List.of(results);
  }

  /** Waits until every document accepted so far is analyzed (or failed). */
  public void awaitAnalyses() {
    CompletableFuture<?>[] waiting;
    synchronized (this) {
      waiting = analyses.toArray(CompletableFuture[]::new);
    }
    CompletableFuture.allOf(waiting).exceptionally(e -> null).join();
  }

  private List<Accepted> acceptWhenRoom(List<Submission> valid) throws IOException, InterruptedException {
    while (true) {
      try {
        return valid.isEmpty() ? List.of() : pipeline.accept(valid, false);
      } catch (QueueFullException full) {
        Thread.sleep(200);
      }
    }
  }

  @Override
  public void close() {}
}

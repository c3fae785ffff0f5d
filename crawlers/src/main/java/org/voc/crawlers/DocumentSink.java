package org.voc.crawlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Where found documents go: the JSON of {@code POST /v1/documents} in, one result per document out,
 * in the same order. {@link HttpDocumentSink} posts to a running service; the service implements it
 * in-process for commands that write through the data dir. A batch returns once its documents are
 * durable (or rejected).
 */
public interface DocumentSink extends Closeable {

  List<Result> send(List<ObjectNode> documents) throws IOException, InterruptedException;

  /** What became of one document: {@code created}, {@code updated}, {@code duplicate} or {@code rejected} (with why). */
  record Result(String status, String errorCode, String errorMessage, String errorField) {

    public static Result of(String status) {
      return new Result(status, null, null, null);
    }

    public boolean rejected() {
      return "rejected".equals(status);
    }
  }
}

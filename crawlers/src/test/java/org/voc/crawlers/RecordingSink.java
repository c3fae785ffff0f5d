package org.voc.crawlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A sink that keeps what it is sent and answers like the service: created, then duplicate. */
final class RecordingSink implements DocumentSink {

  final List<ObjectNode> documents = new ArrayList<>();
  private final Set<String> keys = new HashSet<>();

  @Override
  public List<Result> send(List<ObjectNode> batch) {
    List<Result> results = new ArrayList<>();
    for (ObjectNode document : batch) {
      documents.add(document);
      boolean fresh = keys.add(document.path("source").asText() + "/" + document.path("id").asText());
      results.add(Result.of(fresh ? "created" : "duplicate"));
    }
    return results;
  }

  ObjectNode byText(String text) {
    return documents.stream().filter(d -> d.path("text").asText().equals(text)).findFirst()
        .orElseThrow(() -> new AssertionError("no document with text " + text + " in " + documents));
  }

  @Override
  public void close() {}
}

package org.voc.service.ingest;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.voc.nlp.Document;
import org.voc.nlp.DocumentKey;
import org.voc.nlp.VocJson;

/** What one journal record says happened: a document was accepted, or erased. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
  @JsonSubTypes.Type(value = JournalEntry.Put.class, name = "put"),
  @JsonSubTypes.Type(value = JournalEntry.Delete.class, name = "delete")
})
public sealed interface JournalEntry {

  /** A document was accepted; {@code contentHash} tells a later retry from an update. */
  record Put(Document document, String contentHash) implements JournalEntry {}

  /** A document was erased. */
  record Delete(DocumentKey key) implements JournalEntry {}

  static byte[] encode(JournalEntry entry) {
    try {
      return VocJson.mapper().writerFor(JournalEntry.class).writeValueAsBytes(entry);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JournalEntry decode(byte[] payload) {
    try {
      return VocJson.mapper().readValue(payload, JournalEntry.class);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable journal record", e);
    }
  }
}

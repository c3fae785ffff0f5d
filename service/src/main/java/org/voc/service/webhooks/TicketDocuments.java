package org.voc.service.webhooks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a webhook's ticket into the JSON of a voc document, the same shape a client posts to {@code
 * /v1/documents}, so it is validated and hashed by the same reader. The ticket id is the document
 * id and the tool is its source, so a retried event is a duplicate and a new comment an update.
 * Nothing that changes between deliveries of one event (delivery ids, attempt counts, the topic)
 * goes into the document.
 */
public final class TicketDocuments {

  private static final int MAX_TITLE_CHARS = 4096;

  private TicketDocuments() {}

  /**
   * The document for {@code ticket}: text is the customer's first message and, when different, the
   * latest reply (the subject alone when there is neither); the requester is pseudonymised as {@code
   * sha256:HEX} of its lower-cased form unless {@code keepRequester}. Empty when the ticket holds no
   * text at all.
   */
  public static Optional<ObjectNode> toDocument(SupportTool tool, WebhookEvent.Ticket ticket, boolean keepRequester) {
    String text = text(ticket);
    if (text == null) {
      return Optional.empty();
    }
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    document.put("id", ticket.id());
    document.put("source", tool.wireName());
    document.put("kind", "ticket");
    document.put("text", text);
    if (ticket.subject() != null) {
      String subject = ticket.subject();
      document.put("title", subject.length() > MAX_TITLE_CHARS ? subject.substring(0, MAX_TITLE_CHARS) : subject);
    }
    if (ticket.requester() != null) {
      document.put("author", keepRequester ? ticket.requester() : pseudonym(ticket.requester()));
    }
    if (ticket.createdAt() != null) {
      document.put("createdAt", ticket.createdAt());
    }
    if (ticket.url() != null) {
      document.put("url", ticket.url());
    }
    if (!ticket.metadata().isEmpty()) {
      ObjectNode metadata = document.putObject("metadata");
      ticket.metadata().forEach(metadata::put);
    }
    return Optional.of(document);
  }

  private static String text(WebhookEvent.Ticket ticket) {
    String first = ticket.description();
    String latest = ticket.latestComment();
    if (first != null && latest != null && !latest.strip().equals(first.strip())) {
      return first + "\n\n" + latest;
    }
    if (first != null) {
      return first;
    }
    return latest != null ? latest : ticket.subject();
  }

  /** {@code sha256:} and the hex SHA-256 of the trimmed, lower-cased identifier. */
  public static String pseudonym(String requester) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(requester.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.voc.service.webhooks;

import java.util.Map;

/** What a support tool's webhook payload says, as far as voc cares: a ticket, nothing, or garbage. */
public sealed interface WebhookEvent {

  /**
   * A ticket or conversation as the tool last described it. {@code description} is the customer's
   * first message, {@code latestComment} the newest customer reply the payload carries (either may
   * be null); {@code requester} identifies the customer (an email or the tool's user id).
   */
  record Ticket(
      String id,
      String subject,
      String description,
      String latestComment,
      String requester,
      String createdAt,
      String url,
      Map<String, String> metadata) implements WebhookEvent {

    public Ticket {
      metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
  }

  /** A well-formed event voc has no use for (a ping, an agent's action, a user event). */
  record Ignored(String reason) implements WebhookEvent {}

  /** A payload that does not have the tool's shape; {@code field} names what is missing or wrong. */
  record Invalid(String message, String field) implements WebhookEvent {}
}

package org.voc.service.webhooks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Zendesk's two webhook shapes. A webhook connected to a trigger or automation sends the JSON body
 * its admin wrote with placeholders, conventionally {@code {"ticket": {"id": "{{ticket.id}}",
 * "subject": "{{ticket.title}}", "description": "{{ticket.description}}", "latest_comment":
 * "{{ticket.latest_comment}}", "requester": {"email": "{{ticket.requester.email}}"}, ...}}} (or
 * the same fields at the top level, also as {@code ticket_id}, {@code ticket_subject}, ...). A
 * webhook subscribed to ticket events sends {@code {"type": "zen:event-type:ticket.comment_added",
 * "detail": {"id", "subject", "description", "requester_id", "created_at", ...}, "event":
 * {"comment": {"body", "is_public", "author": {"is_staff"}}}}}. Comments by agents (staff) and
 * private notes are left out of the text.
 */
final class ZendeskPayload {

  private static final String TICKET_EVENT = "zen:event-type:ticket.";
  /** Events that change what the customer wrote; the others (status, assignee, ...) are ignored. */
  private static final java.util.Set<String> CONTENT_EVENTS = java.util.Set.of("created", "comment_added",
      "description_changed", "subject_changed");

  private ZendeskPayload() {}

  static WebhookEvent read(JsonNode payload) {
    if (!payload.isObject()) {
      return new WebhookEvent.Invalid("a Zendesk webhook body must be a JSON object", null);
    }
    String type = PayloadFields.text(payload, "type");
    if (type != null && type.startsWith("zen:event-type:")) {
      boolean content = type.startsWith(TICKET_EVENT) && CONTENT_EVENTS.contains(type.substring(TICKET_EVENT.length()));
      return content ? ticketEvent(payload) : new WebhookEvent.Ignored("no customer text changes with " + type);
    }
    JsonNode ticket = payload.path("ticket").isObject() ? payload.get("ticket") : payload;
    String id = PayloadFields.text(ticket, "id", "ticket_id");
    if (id == null) {
      return new WebhookEvent.Invalid("the payload names no ticket: send {\"ticket\": {\"id\": \"{{ticket.id}}\", ...}}",
          payload.has("ticket") ? "ticket.id" : "ticket");
    }
    JsonNode requester = PayloadFields.object(ticket, "requester");
    String requesterId = PayloadFields.text(requester, "email", "id");
    if (requesterId == null) {
      requesterId = PayloadFields.text(ticket, "requester_email", "requester_id");
    }
    return new WebhookEvent.Ticket(id,
        PayloadFields.text(ticket, "subject", "title", "ticket_subject", "ticket_title"),
        PayloadFields.text(ticket, "description", "ticket_description"),
        byStaff(PayloadFields.object(ticket, "latest_comment", "latest_public_comment", "comment")) ? null
            : PayloadFields.comment(ticket, "latest_comment", "latest_public_comment", "comment", "ticket_latest_comment"),
        requesterId,
        PayloadFields.instant(PayloadFields.text(ticket, "created_at_with_timestamp", "created_at")),
        PayloadFields.text(ticket, "url", "link"),
        PayloadFields.metadata(ticket, "status", "priority", "via", "brand"));
  }

  private static WebhookEvent ticketEvent(JsonNode payload) {
    JsonNode detail = payload.path("detail");
    String id = PayloadFields.text(detail, "id");
    if (id == null) {
      return new WebhookEvent.Invalid("a ticket event needs detail.id", "detail.id");
    }
    JsonNode comment = payload.path("event").path("comment");
    boolean publicComment = !comment.path("is_public").isBoolean() || comment.path("is_public").booleanValue();
    boolean customerComment = publicComment && !byStaff(comment);
    return new WebhookEvent.Ticket(id,
        PayloadFields.text(detail, "subject"),
        PayloadFields.text(detail, "description"),
        customerComment ? PayloadFields.text(comment, "body") : null,
        PayloadFields.text(detail, "requester_id"),
        PayloadFields.instant(PayloadFields.text(detail, "created_at")),
        null,
        PayloadFields.metadata(detail, "status", "priority", "type"));
  }

  /**
   * Whether a comment object says an agent wrote it ({@code author.is_staff}, or {@code
   * author.role} agent or admin, when the trigger body carries them): what agents write is not the
   * customer's voice.
   */
  private static boolean byStaff(JsonNode comment) {
    JsonNode author = comment.path("author");
    String role = PayloadFields.text(author, "role");
    return author.path("is_staff").asBoolean(false) || "agent".equalsIgnoreCase(role) || "admin".equalsIgnoreCase(role);
  }
}

package org.voc.service.webhooks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Freshdesk's "Trigger webhook" automation action. In simple mode it sends the chosen ticket fields
 * as {@code {"freshdesk_webhook": {"ticket_id", "ticket_subject", "ticket_description",
 * "ticket_latest_public_comment", "ticket_contact_email", ...}}}; in advanced mode the body the
 * admin wrote with placeholders, read here as {@code {"ticket": {"id": "{{ticket.id}}", "subject",
 * "description", "latest_public_comment", "requester": {"email"}, ...}}} or the same fields at the
 * top level.
 */
final class FreshdeskPayload {

  private FreshdeskPayload() {}

  static WebhookEvent read(JsonNode payload) {
    if (!payload.isObject()) {
      return new WebhookEvent.Invalid("a Freshdesk webhook body must be a JSON object", null);
    }
    JsonNode ticket = PayloadFields.object(payload, "freshdesk_webhook", "ticket");
    if (ticket.isMissingNode()) {
      ticket = payload;
    }
    String id = PayloadFields.text(ticket, "ticket_id", "id");
    if (id == null) {
      return new WebhookEvent.Invalid("the payload names no ticket: send {\"freshdesk_webhook\": {\"ticket_id\": ...}}"
          + " or {\"ticket\": {\"id\": \"{{ticket.id}}\", ...}}", "ticket_id");
    }
    JsonNode requester = PayloadFields.object(ticket, "requester", "contact");
    String requesterId = PayloadFields.text(requester, "email", "id");
    if (requesterId == null) {
      requesterId = PayloadFields.text(ticket, "ticket_contact_email", "ticket_requester_email",
          "requester_email", "ticket_requester_id", "requester_id");
    }
    return new WebhookEvent.Ticket(id,
        PayloadFields.text(ticket, "ticket_subject", "subject"),
        PayloadFields.text(ticket, "ticket_description_text", "ticket_description", "description_text", "description"),
        PayloadFields.comment(ticket, "ticket_latest_public_comment", "latest_public_comment", "reply", "note"),
        requesterId,
        PayloadFields.instant(PayloadFields.text(ticket, "ticket_created_at", "created_at")),
        PayloadFields.text(ticket, "ticket_url", "ticket_portal_url", "url"),
        PayloadFields.metadata(ticket, "ticket_status", "ticket_priority", "ticket_source", "status", "priority",
            "source"));
  }
}

package org.voc.service.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/**
 * Intercom's {@code notification_event}: {@code {"type": "notification_event", "topic":
 * "conversation.user.created", "data": {"item": {"type": "conversation", "id", "created_at",
 * "source": {"subject", "body", "author": {"type", "id", "email"}}, "conversation_parts":
 * {"conversation_parts": [{"part_type": "comment", "body", "author"}]}}}}}. API 1.x items carry
 * {@code conversation_message} instead of {@code source}. Only what customers write is taken: the
 * {@code conversation.user.*} topics; admin actions and pings are acknowledged and ignored.
 */
final class IntercomPayload {

  private static final Set<String> CUSTOMERS = Set.of("user", "lead", "contact");

  private IntercomPayload() {}

  static WebhookEvent read(JsonNode payload) {
    if (!payload.isObject() || !"notification_event".equals(PayloadFields.text(payload, "type"))) {
      return new WebhookEvent.Invalid("an Intercom webhook is a JSON object with \"type\": \"notification_event\"", "type");
    }
    String topic = PayloadFields.text(payload, "topic");
    if (topic == null) {
      return new WebhookEvent.Invalid("the notification has no topic", "topic");
    }
    if (!topic.startsWith("conversation.user.")) {
      return new WebhookEvent.Ignored("topic " + topic + " carries nothing a customer wrote");
    }
    JsonNode item = payload.path("data").path("item");
    String id = PayloadFields.text(item, "id");
    if (!"conversation".equals(PayloadFields.text(item, "type")) || id == null) {
      return new WebhookEvent.Invalid("data.item must be a conversation with an id", "data.item");
    }
    JsonNode first = PayloadFields.object(item, "source", "conversation_message");
    JsonNode author = first.path("author");
    String requester = PayloadFields.text(author, "email", "id");
    if (requester == null) {
      requester = PayloadFields.text(item.path("user"), "email", "id");
    }
    return new WebhookEvent.Ticket(id,
        PayloadFields.text(first, "subject"),
        PayloadFields.text(first, "body"),
        latestCustomerPart(item),
        requester,
        PayloadFields.instant(PayloadFields.text(item, "created_at")),
        PayloadFields.text(first, "url"),
        Map.of());
  }

  /** The body of the last comment a customer wrote among the parts the notification carries. */
  private static String latestCustomerPart(JsonNode item) {
    JsonNode parts = item.path("conversation_parts").path("conversation_parts");
    String latest = null;
    for (JsonNode part : parts) {
      if ("comment".equals(PayloadFields.text(part, "part_type"))
          && CUSTOMERS.contains(PayloadFields.text(part.path("author"), "type"))) {
        String body = PayloadFields.text(part, "body");
        latest = body == null ? latest : body;
      }
    }
    return latest;
  }
}

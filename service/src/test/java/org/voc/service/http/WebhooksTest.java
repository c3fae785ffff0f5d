package org.voc.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.service.ApiClient;
import org.voc.service.FakeAnalyzer;
import org.voc.service.VocServer;
import org.voc.service.config.VocConfig;
import org.voc.service.webhooks.WebhookSignature;

/**
 * {@code POST /v1/webhooks/{tool}} with payloads shaped as each tool's documentation shows, signed
 * and unsigned, retried and updated.
 */
class WebhooksTest {

  private static final String ZENDESK_SECRET = "dGhpc19pc19hX3plbmRlc2tfc2VjcmV0";
  private static final String INTERCOM_SECRET = "intercom-client-secret";
  private static final String FRESHDESK_SECRET = "freshdesk-shared-secret";

  @TempDir static Path dir;
  private static VocServer server;
  private static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    VocConfig config = new VocConfig("127.0.0.1", 0, dir.resolve("data"), null, null, null,
        Map.of("zendesk", new VocConfig.Webhook(ZENDESK_SECRET, null),
            "intercom", new VocConfig.Webhook(INTERCOM_SECRET, null),
            "freshdesk", new VocConfig.Webhook(FRESHDESK_SECRET, true)),
        null, null, null, null, null);
    server = VocServer.start(config, new FakeAnalyzer(), FakeAnalyzer::embed, Clock.systemUTC());
    api = new ApiClient(server.port());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  // --- Zendesk ---------------------------------------------------------------------------------

  /** A trigger webhook's body as an admin writes it with Zendesk placeholders, once rendered. */
  private static String zendeskTrigger(String id, String latestComment) {
    return """
        {"ticket": {"id": "%s", "title": "Order never arrived", "description": "My order #1001 never arrived.",
          "latest_comment": "%s", "status": "Open", "priority": "High",
          "created_at_with_timestamp": "2026-11-20T09:30:00Z",
          "url": "acme.zendesk.com/agent/tickets/%s",
          "requester": {"name": "Jane Doe", "email": "jane@example.com"}}}
        """.formatted(id, latestComment, id);
  }

  private static ApiClient.Response zendesk(String body, String timestamp, String secret) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    byte[] signed = (timestamp + body).getBytes(StandardCharsets.UTF_8);
    String signature = Base64.getEncoder().encodeToString(WebhookSignature.hmac("HmacSHA256", secret, signed));
    return api.send(HttpRequest.newBuilder(api.uri("/v1/webhooks/zendesk"))
        .header("content-type", "application/json")
        .header("X-Zendesk-Webhook-Id", "01GZR7Q7S5ZQ8GZ4Z7Y3X2W1V0")
        .header("X-Zendesk-Webhook-Signature", signature)
        .header("X-Zendesk-Webhook-Signature-Timestamp", timestamp)
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
  }

  @Test
  void zendeskTriggerIsCreatedThenARetryIsDuplicateAndANewCommentAnUpdate() {
    ApiClient.Response created = zendesk(zendeskTrigger("35436", "My order #1001 never arrived."),
        "2026-12-02T10:00:00Z", ZENDESK_SECRET);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().path("status").asText()).isEqualTo("created");
    assertThat(created.json().path("id").asText()).isEqualTo("35436");
    assertThat(created.json().path("source").asText()).isEqualTo("zendesk");

    var stored = api.get("/v1/documents/zendesk/35436").json().path("document");
    assertThat(stored.path("kind").asText()).isEqualTo("ticket");
    assertThat(stored.path("title").asText()).isEqualTo("Order never arrived");
    assertThat(stored.path("text").asText()).isEqualTo("My order #1001 never arrived.");
    assertThat(stored.path("createdAt").asText()).startsWith("2026-11-20T09:30");
    assertThat(stored.path("author").asText()).startsWith("sha256:").doesNotContain("jane");
    assertThat(stored.path("metadata").path("priority").asText()).isEqualTo("High");

    // Zendesk retries with a new timestamp and signature; the content is the same.
    ApiClient.Response retry = zendesk(zendeskTrigger("35436", "My order #1001 never arrived."),
        "2026-12-02T10:00:05Z", ZENDESK_SECRET);
    assertThat(retry.status()).as(retry.body()).isEqualTo(200);
    assertThat(retry.json().path("status").asText()).isEqualTo("duplicate");

    ApiClient.Response updated = zendesk(zendeskTrigger("35436", "Still nothing after two weeks, I want a refund."),
        "2026-12-02T11:00:00Z", ZENDESK_SECRET);
    assertThat(updated.json().path("status").asText()).as(updated.body()).isEqualTo("updated");
    assertThat(api.get("/v1/documents/zendesk/35436").json().path("document").path("text").asText())
        .isEqualTo("My order #1001 never arrived.\n\nStill nothing after two weeks, I want a refund.");
  }

  @Test
  void zendeskWithoutOrWithAWrongSignatureIsRefusedAndNothingIsStored() {
    String body = zendeskTrigger("900", "Hello");
    ApiClient.Response forged = zendesk(body, "2026-12-02T10:00:00Z", "not-the-secret");
    assertError(forged, 401, "invalid_signature");
    ApiClient.Response unsigned = api.postJson("/v1/webhooks/zendesk", body);
    assertError(unsigned, 401, "missing_signature");
    assertThat(api.get("/v1/documents/zendesk/900").status()).isEqualTo(404);
  }

  @Test
  void zendeskTicketEventsAreReadAndEventsWithoutCustomerTextIgnored() {
    String commentAdded = """
        {"account_id": 12514403, "detail": {"actor_id": "8447388090494", "assignee_id": "8447388090494",
          "brand_id": "8447346621310", "created_at": "2025-01-08T10:12:07Z", "custom_status": "8447388",
          "description": "The app crashes when I open settings.", "external_id": null, "form_id": "8646151517822",
          "group_id": "8447320466430", "id": "5158", "is_public": true, "organization_id": "8447346622462",
          "priority": "LOW", "requester_id": "8447388090494", "status": "OPEN", "subject": "App crash",
          "submitter_id": "8447388090494", "tags": ["crash"], "type": "TASK", "updated_at": "2025-01-08T10:14:11Z",
          "via": {"channel": "web_service"}},
         "event": {"comment": {"author": {"id": "8447388090494", "is_staff": false, "name": "Jane"},
           "body": "It crashes on every start now.", "id": "29192", "is_public": true}},
         "id": "cbe4028c-7239-495d-b020-f22348516046", "subject": "zen:ticket:5158",
         "time": "2025-01-08T10:14:11.000Z", "type": "zen:event-type:ticket.comment_added",
         "zendesk_event_version": "2022-11-06"}
        """;
    ApiClient.Response created = zendesk(commentAdded, "2026-12-02T12:00:00Z", ZENDESK_SECRET);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(api.get("/v1/documents/zendesk/5158").json().path("document").path("text").asText())
        .isEqualTo("The app crashes when I open settings.\n\nIt crashes on every start now.");

    String agentReply = commentAdded.replace("\"is_staff\": false", "\"is_staff\": true")
        .replace("It crashes on every start now.", "Please reinstall the app.");
    ApiClient.Response fromAgent = zendesk(agentReply, "2026-12-02T12:00:02Z", ZENDESK_SECRET);
    assertThat(fromAgent.json().path("status").asText()).as(fromAgent.body()).isEqualTo("updated");
    assertThat(api.get("/v1/documents/zendesk/5158").json().path("document").path("text").asText())
        .isEqualTo("The app crashes when I open settings.");

    String statusChanged = commentAdded.replace("ticket.comment_added", "ticket.status_changed");
    ApiClient.Response ignored = zendesk(statusChanged, "2026-12-02T12:00:01Z", ZENDESK_SECRET);
    assertThat(ignored.status()).isEqualTo(200);
    assertThat(ignored.json().path("status").asText()).isEqualTo("ignored");
  }

  // --- Intercom --------------------------------------------------------------------------------

  private static String intercom(String topic, String notificationId, String parts) {
    return """
        {"type": "notification_event", "app_id": "ecahpwf5", "id": "%s", "topic": "%s",
         "delivery_status": "pending", "delivery_attempts": 1, "delivered_at": 0,
         "first_sent_at": 1764669600, "created_at": 1764669600, "links": {}, "self": null,
         "data": {"type": "notification_event_data", "item": {
           "type": "conversation", "id": "147", "created_at": 1764669000, "updated_at": 1764669600,
           "title": null, "open": true, "state": "open", "read": false,
           "source": {"type": "conversation", "id": "403918330", "delivered_as": "customer_initiated",
             "subject": "", "body": "<p>Billing charged me twice this month.</p>",
             "author": {"type": "user", "id": "5310d8e7598c9a0b24000002", "name": "Jane", "email": "jane@example.com"},
             "attachments": [], "url": null},
           "contacts": {"type": "contact.list", "contacts": [{"type": "contact", "id": "5310d8e7598c9a0b24000002"}]},
           "conversation_parts": {"type": "conversation_part.list", "conversation_parts": [%s], "total_count": 1}}}}
        """.formatted(notificationId, topic, parts);
  }

  private static String part(String authorType, String body) {
    return """
        {"type": "conversation_part", "id": "%d", "part_type": "comment", "body": "%s",
         "created_at": 1764669600, "author": {"type": "%s", "id": "5310d8e7598c9a0b24000002"}}
        """.formatted(Math.abs(body.hashCode()), body, authorType);
  }

  private static ApiClient.Response intercomPost(String body, String secret) {
    String signature = "sha1=" + HexFormat.of().formatHex(
        WebhookSignature.hmac("HmacSHA1", secret, body.getBytes(StandardCharsets.UTF_8)));
    return api.send(HttpRequest.newBuilder(api.uri("/v1/webhooks/intercom"))
        .header("content-type", "application/json").header("X-Hub-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  void intercomUserConversationIsCreatedRedeliveryDuplicateAndReplyAnUpdate() {
    ApiClient.Response created = intercomPost(intercom("conversation.user.created", "notif_1", ""), INTERCOM_SECRET);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    var stored = api.get("/v1/documents/intercom/147").json().path("document");
    assertThat(stored.path("text").asText()).isEqualTo("<p>Billing charged me twice this month.</p>");
    assertThat(stored.path("createdAt").asText()).startsWith("2025-12-02T09:50");
    assertThat(stored.path("author").asText()).startsWith("sha256:");

    ApiClient.Response redelivered = intercomPost(intercom("conversation.user.created", "notif_2", ""), INTERCOM_SECRET);
    assertThat(redelivered.json().path("status").asText()).isEqualTo("duplicate");

    ApiClient.Response replied = intercomPost(intercom("conversation.user.replied", "notif_3",
        part("user", "<p>Still waiting for the refund.</p>")), INTERCOM_SECRET);
    assertThat(replied.json().path("status").asText()).as(replied.body()).isEqualTo("updated");
    assertThat(api.get("/v1/documents/intercom/147").json().path("document").path("text").asText())
        .endsWith("<p>Still waiting for the refund.</p>");
  }

  @Test
  void intercomAdminRepliesAndPingsAreAcknowledgedAndIgnored() {
    ApiClient.Response admin = intercomPost(intercom("conversation.admin.replied", "notif_4",
        part("admin", "We are on it.")), INTERCOM_SECRET);
    assertThat(admin.status()).isEqualTo(200);
    assertThat(admin.json().path("status").asText()).isEqualTo("ignored");
    String ping = """
        {"type": "notification_event", "topic": "ping", "id": "notif_ping", "app_id": "ecahpwf5",
         "data": {"type": "notification_event_data", "item": {"type": "ping", "message": "something"}}}
        """;
    assertThat(intercomPost(ping, INTERCOM_SECRET).json().path("status").asText()).isEqualTo("ignored");
    assertError(intercomPost(ping, "wrong"), 401, "invalid_signature");
  }

  // --- Freshdesk -------------------------------------------------------------------------------

  private static final String FRESHDESK_SIMPLE = """
      {"freshdesk_webhook": {"ticket_id": 2001, "ticket_subject": "Cannot log in",
        "ticket_description": "<div>Password reset link never arrives.</div>",
        "ticket_description_text": "Password reset link never arrives.",
        "ticket_latest_public_comment": "", "ticket_status": "Open", "ticket_priority": "Medium",
        "ticket_source": "Email", "ticket_url": "https://acme.freshdesk.com/helpdesk/tickets/2001",
        "ticket_contact_name": "Jane Doe", "ticket_contact_email": "jane@example.com"}}
      """;

  @Test
  void freshdeskWithSharedSecretHeaderOrBasicAuthIsTakenAndWithoutItRefused() {
    ApiClient.Response created = api.send(HttpRequest.newBuilder(api.uri("/v1/webhooks/freshdesk"))
        .header("content-type", "application/json").header(WebhookSignature.SECRET_HEADER, FRESHDESK_SECRET)
        .POST(HttpRequest.BodyPublishers.ofString(FRESHDESK_SIMPLE)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    var stored = api.get("/v1/documents/freshdesk/2001").json().path("document");
    assertThat(stored.path("text").asText()).isEqualTo("Password reset link never arrives.");
    assertThat(stored.path("author").asText()).isEqualTo("jane@example.com"); // keepRequester: true
    assertThat(stored.path("url").asText()).endsWith("/tickets/2001");

    String basic = "Basic " + Base64.getEncoder().encodeToString(("voc:" + FRESHDESK_SECRET).getBytes(StandardCharsets.UTF_8));
    ApiClient.Response retried = api.send(HttpRequest.newBuilder(api.uri("/v1/webhooks/freshdesk"))
        .header("content-type", "application/json").header("authorization", basic)
        .POST(HttpRequest.BodyPublishers.ofString(FRESHDESK_SIMPLE)));
    assertThat(retried.json().path("status").asText()).as(retried.body()).isEqualTo("duplicate");

    assertError(api.postJson("/v1/webhooks/freshdesk", FRESHDESK_SIMPLE), 401, "missing_signature");
  }

  // --- errors ----------------------------------------------------------------------------------

  @Test
  void badPayloadsGetAFourHundredWithAReason() {
    assertError(zendesk("{not json", "t", ZENDESK_SECRET), 400, "invalid_json");
    assertError(zendesk("{\"ticket\": {\"subject\": \"no id\"}}", "t", ZENDESK_SECRET), 400, "invalid_payload");
    assertError(zendesk("{\"ticket\": {\"id\": 5}}", "t", ZENDESK_SECRET), 400, "missing_text");
    assertError(zendesk("[1, 2]", "t", ZENDESK_SECRET), 400, "invalid_payload");
    assertError(intercomPost("{\"topic\": \"conversation.user.created\"}", INTERCOM_SECRET), 400, "invalid_payload");
    assertError(intercomPost("{\"type\": \"notification_event\", \"topic\": \"conversation.user.created\","
        + " \"data\": {\"item\": {\"type\": \"conversation\"}}}", INTERCOM_SECRET), 400, "invalid_payload");
    assertError(api.postJson("/v1/webhooks/helpscout", "{}"), 404, "unknown_tool");
  }

  @Test
  void withoutASecretTheWebhookIsOpenLikeTheRestOfTheApi(@TempDir Path other) throws Exception {
    VocConfig config = new VocConfig("127.0.0.1", 0, other, List.of(new VocConfig.ApiKey("ingest-key-0123456789",
        List.of("ingest"))), null, null, null, null, null, null, null, null);
    try (VocServer open = VocServer.start(config, new FakeAnalyzer(), FakeAnalyzer::embed, Clock.systemUTC())) {
      ApiClient client = new ApiClient(open.port());
      String body = zendeskTrigger("77", "Thanks!");
      assertThat(client.postJson("/v1/webhooks/zendesk", body).status()).isEqualTo(401);
      ApiClient.Response withKey = client.send(HttpRequest.newBuilder(client.uri("/v1/webhooks/zendesk"))
          .header("authorization", "Bearer ingest-key-0123456789").header("content-type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)));
      assertThat(withKey.status()).as(withKey.body()).isEqualTo(201);
    }
  }

  private static void assertError(ApiClient.Response response, int status, String code) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.json().path("error").path("code").asText()).isEqualTo(code);
  }
}

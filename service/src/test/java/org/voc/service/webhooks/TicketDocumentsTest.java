package org.voc.service.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TicketDocumentsTest {

  private static WebhookEvent.Ticket ticket(String description, String comment) {
    return new WebhookEvent.Ticket("42", "Refund", description, comment, " Jane@Example.com ",
        "2026-11-20T09:30:00Z", null, Map.of("status", "open"));
  }

  @Test
  void textIsFirstMessageThenLatestReplyAndRequesterIsHashed() {
    ObjectNode document = TicketDocuments.toDocument(SupportTool.ZENDESK, ticket("It broke.", "Still broken."), false)
        .orElseThrow();
    assertThat(document.path("text").asText()).isEqualTo("It broke.\n\nStill broken.");
    assertThat(document.path("id").asText()).isEqualTo("42");
    assertThat(document.path("source").asText()).isEqualTo("zendesk");
    assertThat(document.path("kind").asText()).isEqualTo("ticket");
    assertThat(document.path("title").asText()).isEqualTo("Refund");
    // echo -n jane@example.com | sha256sum
    assertThat(document.path("author").asText())
        .isEqualTo("sha256:8c87b489ce35cf2e2f39f80e282cb2e804932a56a213983eeeb428407d43b52d");
    assertThat(document.path("metadata").path("status").asText()).isEqualTo("open");
  }

  @Test
  void sameCommentAsDescriptionIsNotRepeatedAndRequesterCanBeKept() {
    ObjectNode document = TicketDocuments.toDocument(SupportTool.FRESHDESK, ticket("It broke.", "It broke. "), true)
        .orElseThrow();
    assertThat(document.path("text").asText()).isEqualTo("It broke.");
    assertThat(document.path("author").asText()).isEqualTo(" Jane@Example.com ");
  }

  @Test
  void subjectAloneIsTheTextAndNothingAtAllIsNoDocument() {
    assertThat(TicketDocuments.toDocument(SupportTool.INTERCOM, ticket(null, null), false).orElseThrow()
        .path("text").asText()).isEqualTo("Refund");
    WebhookEvent.Ticket empty = new WebhookEvent.Ticket("1", null, null, null, null, null, null, null);
    assertThat(TicketDocuments.toDocument(SupportTool.INTERCOM, empty, false)).isEmpty();
  }
}

package org.voc.service.webhooks;

import java.util.Locale;
import java.util.Optional;

/** The support tools whose own webhook payloads voc accepts; the wire name is the path and source. */
public enum SupportTool {
  ZENDESK,
  FRESHDESK,
  INTERCOM;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The tool named by a path segment such as {@code zendesk}, if voc knows it. */
  public static Optional<SupportTool> parse(String value) {
    for (SupportTool tool : values()) {
      if (tool.wireName().equals(value)) {
        return Optional.of(tool);
      }
    }
    return Optional.empty();
  }

  /** Reads this tool's payload into a ticket, or says why it holds none. */
  public WebhookEvent read(com.fasterxml.jackson.databind.JsonNode payload) {
    return switch (this) {
      case ZENDESK -> ZendeskPayload.read(payload);
      case FRESHDESK -> FreshdeskPayload.read(payload);
      case INTERCOM -> IntercomPayload.read(payload);
    };
  }
}

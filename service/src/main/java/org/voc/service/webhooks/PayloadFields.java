package org.voc.service.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.voc.crawlers.Dates;

/**
 * Lenient reads from webhook payloads: the tools send ids as numbers or strings, fields under
 * several names (trigger placeholders are chosen by whoever set up the webhook) and dates in more
 * than one format.
 */
final class PayloadFields {

  private PayloadFields() {}

  /** The first of {@code names} that holds a non-blank string or a number, as text; else null. */
  static String text(JsonNode node, String... names) {
    if (node == null || !node.isObject()) {
      return null;
    }
    for (String name : names) {
      JsonNode value = node.get(name);
      if (value != null && (value.isTextual() || value.isNumber()) && !value.asText().isBlank()) {
        return value.asText().strip();
      }
    }
    return null;
  }

  /** The first of {@code names} that holds an object; else a missing node. */
  static JsonNode object(JsonNode node, String... names) {
    for (String name : names) {
      JsonNode value = node == null ? null : node.get(name);
      if (value != null && value.isObject()) {
        return value;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  /**
   * A comment given as text or as an object ({@code {"value": ...}}, {@code {"body": ...}}, ...);
   * null when there is none.
   */
  static String comment(JsonNode node, String... names) {
    String text = text(node, names);
    if (text != null) {
      return text;
    }
    return text(object(node, names), "body_text", "plain_body", "body", "value", "html_value", "html_body");
  }

  /**
   * An ISO-8601 instant for a date the tool sent; null when absent or unreadable, so the ticket is
   * still taken (as of now) rather than refused over a date format chosen in a trigger.
   */
  static String instant(String value) {
    return Dates.toIsoInstant(value);
  }

  /** The named fields of {@code node} that hold text, under the same names; blanks left out. */
  static Map<String, String> metadata(JsonNode node, String... names) {
    Map<String, String> metadata = new LinkedHashMap<>();
    for (String name : names) {
      String value = text(node, name);
      if (value != null) {
        metadata.put(name, value);
      }
    }
    return metadata;
  }
}

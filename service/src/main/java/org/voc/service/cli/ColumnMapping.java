package org.voc.service.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which column (or JSON field; {@code a.b} reaches into objects) of an imported row holds which
 * document field: {@code --map text=review_body,createdAt=date,rating=stars}. A field not mapped is
 * read from the column of its own name. Numbers in text columns become strings and numeric text in
 * {@code rating}/{@code ratingMax} becomes a number; blank cells are left out.
 */
record ColumnMapping(Map<String, String> columns, String source, String kind) {

  static final List<String> FIELDS = List.of("id", "source", "kind", "text", "title", "author", "createdAt",
      "rating", "ratingMax", "brand", "product", "url", "lang", "metadata");

  /** Parses {@code field=column,...}; an unknown field is an {@link IllegalArgumentException}. */
  static ColumnMapping parse(String spec, String source, String kind) {
    Map<String, String> columns = new LinkedHashMap<>();
    if (spec != null && !spec.isBlank()) {
      for (String pair : spec.split(",")) {
        int eq = pair.indexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
          throw new IllegalArgumentException("--map takes field=column pairs separated by commas, not '" + pair + "'");
        }
        String field = pair.substring(0, eq).strip();
        if (!FIELDS.contains(field)) {
          throw new IllegalArgumentException("--map: unknown document field '" + field + "'; known: " + String.join(", ", FIELDS));
        }
        columns.put(field, pair.substring(eq + 1).strip());
      }
    }
    return new ColumnMapping(Map.copyOf(columns), source, kind);
  }

  /** The column that {@code field} is read from. */
  String column(String field) {
    return columns.getOrDefault(field, field);
  }

  /** The document for one row: mapped fields, then {@code source} and {@code kind} defaults. */
  ObjectNode toDocument(JsonNode row) {
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    for (String field : FIELDS) {
      JsonNode value = lookup(row, column(field));
      if (value == null || value.isNull() || value.isMissingNode() || (value.isTextual() && value.textValue().isBlank())) {
        continue;
      }
      document.set(field, convert(field, value));
    }
    if (!document.has("source")) {
      document.put("source", source);
    }
    if (!document.has("kind")) {
      document.put("kind", kind);
    }
    return document;
  }

  private static JsonNode lookup(JsonNode row, String path) {
    JsonNode value = row.get(path);
    if (value != null || !path.contains(".")) {
      return value;
    }
    JsonNode node = row;
    for (String part : path.split("\\.")) {
      node = node.path(part);
    }
    return node;
  }

  private static JsonNode convert(String field, JsonNode value) {
    boolean numeric = field.equals("rating") || field.equals("ratingMax");
    if (numeric && value.isTextual()) {
      try {
        return JsonNodeFactory.instance.numberNode(Double.parseDouble(value.textValue().strip()));
      } catch (NumberFormatException e) {
        return value; // the reader rejects it with the field named
      }
    }
    if (!numeric && !field.equals("metadata") && value.isNumber()) {
      return JsonNodeFactory.instance.textNode(value.asText());
    }
    return value;
  }
}

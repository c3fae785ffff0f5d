package org.voc.service.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.voc.nlp.Document;
import org.voc.nlp.DocumentKind;
import org.voc.nlp.VocJson;
import org.voc.service.ingest.Submission;

/**
 * Turns one posted JSON object into a validated {@link Document}, or says precisely what is wrong
 * with it. The content hash is taken over what the client sent (keys sorted), before defaults are
 * filled in, so a retry of the same payload hashes the same.
 */
public final class DocumentReader {

  private static final Set<String> FIELDS = Set.of("id", "source", "kind", "text", "title", "author",
      "createdAt", "rating", "ratingMax", "brand", "product", "url", "lang", "metadata");
  private static final int MAX_KEY_CHARS = 256;
  private static final int MAX_FIELD_CHARS = 4096;
  private static final int MAX_METADATA_ENTRIES = 64;
  private static final ObjectMapper CANONICAL =
      VocJson.mapper().copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final long maxDocumentBytes;
  private final Clock clock;

  public DocumentReader(long maxDocumentBytes, Clock clock) {
    this.maxDocumentBytes = maxDocumentBytes;
    this.clock = clock;
  }

  /** A validated submission, or the error that explains why there is none. */
  public record Result(Submission submission, ApiError error) {
    static Result ok(Submission submission) {
      return new Result(submission, null);
    }

    static Result bad(ApiError error) {
      return new Result(null, error);
    }

    public boolean ok() {
      return error == null;
    }
  }

  /** Reads a document for ingest: {@code source}, {@code kind} and {@code text} are required. */
  public Result read(JsonNode node) {
    return read(node, true);
  }

  /**
   * Reads a document; with {@code forIngest} false (for {@code /v1/analyze}) only {@code text} is
   * required.
   */
  public Result read(JsonNode node, boolean forIngest) {
    if (node == null || !node.isObject()) {
      return bad("invalid_document", "a document must be a JSON object", null);
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        return bad("unknown_field", "unknown field '" + name + "'; known fields: " + String.join(", ",
            FIELDS.stream().sorted().toList()), name);
      }
    }
    try {
      String text = requiredString(node, "text");
      if (text.isBlank()) {
        throw new Invalid("empty_text", "text must not be blank", "text");
      }
      if (utf8Length(text) > maxDocumentBytes) {
        throw new Invalid(413, "document_too_large",
            "text is larger than the limit of " + maxDocumentBytes + " bytes", "text");
      }
      String source = forIngest ? key(requiredString(node, "source"), "source") : optionalKey(node, "source", "api");
      DocumentKind kind = kind(node, forIngest);
      String url = optionalString(node, "url");
      String hash = contentHash(node);
      String id = optionalString(node, "id");
      if (id == null) {
        id = url != null ? url : "sha256-" + hash.substring(0, 32);
      }
      id = key(id, "id");
      Double rating = optionalNumber(node, "rating");
      Double ratingMax = optionalNumber(node, "ratingMax");
      checkRating(rating, ratingMax);
      Document document = new Document(id, source, kind, text, optionalString(node, "title"),
          optionalString(node, "author"), createdAt(node), rating, ratingMax,
          optionalString(node, "brand"), optionalString(node, "product"), url,
          optionalString(node, "lang"), metadata(node));
      return Result.ok(new Submission(document, hash));
    } catch (Invalid e) {
      return Result.bad(new ApiError(e.status, e.code, e.getMessage(), e.field));
    }
  }

  private static Result bad(String code, String message, String field) {
    return Result.bad(ApiError.badRequest(code, message, field));
  }

  private DocumentKind kind(JsonNode node, boolean required) {
    String value = required ? requiredString(node, "kind") : optionalString(node, "kind");
    if (value == null) {
      return DocumentKind.POST;
    }
    return DocumentKind.parse(value).orElseThrow(() -> new Invalid("invalid_kind",
        "kind must be review, ticket or post, not '" + value + "'", "kind"));
  }

  private Instant createdAt(JsonNode node) {
    String value = optionalString(node, "createdAt");
    if (value == null) {
      return clock.instant();
    }
    Instant parsed = parseCreatedAt(value);
    // The index keeps epoch milliseconds; year 999999999 fits an Instant but not those.
    if (parsed.isBefore(Params.EARLIEST) || parsed.isAfter(Params.LATEST)) {
      throw new Invalid("invalid_date", "createdAt must be between the years 1 and 9999", "createdAt");
    }
    return parsed;
  }

  private static Instant parseCreatedAt(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (java.time.DateTimeException notDate) {
          throw new Invalid("invalid_date",
              "createdAt must be ISO-8601, like 2026-11-20T09:30:00Z or 2026-11-20", "createdAt");
        }
      }
    }
  }

  private static void checkRating(Double rating, Double ratingMax) {
    if (ratingMax != null && !(ratingMax > 0)) {
      throw new Invalid("invalid_rating", "ratingMax must be positive", "ratingMax");
    }
    if (rating != null) {
      double max = ratingMax == null ? Document.DEFAULT_RATING_MAX : ratingMax;
      if (rating < 0 || rating > max) {
        throw new Invalid("invalid_rating", "rating must be between 0 and " + max
            + (ratingMax == null ? " (set ratingMax for another scale)" : ""), "rating");
      }
    }
  }

  private static Map<String, String> metadata(JsonNode node) {
    JsonNode value = node.get("metadata");
    if (value == null || value.isNull()) {
      return Map.of();
    }
    if (!value.isObject()) {
      throw new Invalid("invalid_type", "metadata must be an object of strings", "metadata");
    }
    if (value.size() > MAX_METADATA_ENTRIES) {
      throw new Invalid("invalid_metadata", "metadata may hold at most " + MAX_METADATA_ENTRIES + " entries", "metadata");
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      JsonNode v = entry.getValue();
      if (!v.isValueNode() || v.isNull()) {
        throw new Invalid("invalid_type", "metadata values must be strings, numbers or booleans",
            "metadata." + entry.getKey());
      }
      String text = v.asText();
      if (text.length() > MAX_FIELD_CHARS || entry.getKey().length() > MAX_KEY_CHARS) {
        throw new Invalid("invalid_metadata", "metadata entry too long", "metadata." + entry.getKey());
      }
      result.put(entry.getKey(), text);
    }
    return result;
  }

  private static String requiredString(JsonNode node, String field) {
    String value = optionalString(node, field);
    if (value == null) {
      throw new Invalid("missing_field", field + " is required", field);
    }
    return value;
  }

  private static String optionalString(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new Invalid("invalid_type", field + " must be a string", field);
    }
    String text = value.textValue();
    if (!field.equals("text") && text.length() > MAX_FIELD_CHARS) {
      throw new Invalid("field_too_long", field + " is longer than " + MAX_FIELD_CHARS + " characters", field);
    }
    return text;
  }

  private static String optionalKey(JsonNode node, String field, String fallback) {
    String value = optionalString(node, field);
    return value == null ? fallback : key(value, field);
  }

  private static Double optionalNumber(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
      throw new Invalid("invalid_type", field + " must be a number", field);
    }
    return value.doubleValue();
  }

  /** Source and id: non-empty, bounded, no control characters (they are joined into one key). */
  private static String key(String value, String field) {
    if (value.isBlank() || value.length() > MAX_KEY_CHARS) {
      throw new Invalid("invalid_" + field, field + " must be 1 to " + MAX_KEY_CHARS + " characters", field);
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new Invalid("invalid_" + field, field + " must not contain control characters", field);
      }
    }
    return value;
  }

  static String contentHash(JsonNode node) {
    try {
      byte[] canonical = CANONICAL.writeValueAsBytes(CANONICAL.convertValue(node, Object.class));
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The UTF-8 size of {@code text}, counted without encoding it. */
  static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /** A validation failure, caught in {@link #read} and returned as a value. */
  private static final class Invalid extends RuntimeException {
    final int status;
    final String code;
    final String field;

    Invalid(String code, String message, String field) {
      this(400, code, message, field);
    }

    Invalid(int status, String code, String message, String field) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
      this.field = field;
    }
  }
}

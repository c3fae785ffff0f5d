package org.voc.service.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.voc.nlp.VocJson;

/** Decodes request bodies strictly: UTF-8 only, JSON or NDJSON, errors as {@link ApiException}. */
final class RequestBodies {

  private RequestBodies() {}

  /** The media type of the request without parameters, lower case; empty when absent. */
  static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  static boolean isNdjson(String mediaType) {
    return mediaType.equals("application/x-ndjson") || mediaType.equals("application/ndjson")
        || mediaType.equals("application/jsonl") || mediaType.equals("application/x-jsonlines");
  }

  static boolean isJson(String mediaType) {
    return mediaType.equals("application/json") || mediaType.isEmpty();
  }

  static String utf8(Buffer body) {
    if (body == null || body.length() == 0) {
      throw new ApiException(ApiError.badRequest("empty_body", "the request body is empty"));
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body.getBytes()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ApiException(ApiError.badRequest("invalid_utf8", "the request body is not valid UTF-8"));
    }
  }

  static JsonNode json(String text) {
    try {
      JsonNode node = VocJson.mapper().readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new ApiException(ApiError.badRequest("invalid_json", "the request body holds no JSON value"));
      }
      return node;
    } catch (StreamConstraintsException e) {
      throw new ApiException(ApiError.badRequest("invalid_json", "JSON nested too deeply or too large: "
          + e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw new ApiException(ApiError.badRequest("invalid_json", "invalid JSON"
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
              + ", column " + e.getLocation().getColumnNr()) + ": " + e.getOriginalMessage()));
    }
  }

  /** One non-blank NDJSON line: its 1-based line number and either its JSON or why it is invalid. */
  record Line(int number, JsonNode node, ApiError error) {}

  static List<Line> ndjson(String text) {
    List<Line> lines = new ArrayList<>();
    int number = 0;
    for (String line : text.split("\r?\n", -1)) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        lines.add(new Line(number, json(line), null));
      } catch (ApiException e) {
        lines.add(new Line(number, null, e.error()));
      }
    }
    return lines;
  }
}

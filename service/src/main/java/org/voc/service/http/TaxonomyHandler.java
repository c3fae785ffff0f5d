package org.voc.service.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.voc.nlp.BrandDefinition;
import org.voc.nlp.ThemeDefinition;
import org.voc.service.config.TaxonomyStore;

/**
 * {@code GET/PUT /v1/taxonomy/themes} and {@code /v1/taxonomy/brands}: the lists the analyzer
 * looks for. A PUT replaces the whole list with a JSON array, checked strictly (every name a
 * non-empty string, names unique, no unknown fields), saves it under the data dir and puts it in
 * force for the documents analyzed from then on; already indexed documents keep their themes.
 */
final class TaxonomyHandler {

  private static final Set<String> THEME_FIELDS = Set.of("name", "description", "examples");
  private static final Set<String> BRAND_FIELDS = Set.of("name", "aliases", "products", "own");

  /**
   * Bounds on what a PUT may ask the analyzer to look for: every theme is compared with every
   * sentence, so the taxonomy's size is a cost on each document analyzed.
   */
  static final int MAX_THEMES = 200;
  static final int MAX_BRANDS = 2_000;
  static final int MAX_STRINGS = 100;
  static final int MAX_NAME_CHARS = 200;
  static final int MAX_DESCRIPTION_CHARS = 2_000;

  private final TaxonomyStore taxonomy;

  TaxonomyHandler(TaxonomyStore taxonomy) {
    this.taxonomy = taxonomy;
  }

  void getThemes(RoutingContext ctx) {
    Responses.json(ctx, 200, taxonomy.current().themes());
  }

  void getBrands(RoutingContext ctx) {
    Responses.json(ctx, 200, taxonomy.current().brands());
  }

  void putThemes(RoutingContext ctx) {
    List<ThemeDefinition> themes = list(ctx, THEME_FIELDS, MAX_THEMES, (item, at) -> new ThemeDefinition(
        item.get("name").asText().strip(), optionalText(item, "description", at), strings(item, "examples", at)));
    ThemesHandler.answer(ctx, () -> taxonomy.replaceThemes(themes).themes());
  }

  void putBrands(RoutingContext ctx) {
    List<BrandDefinition> brands = list(ctx, BRAND_FIELDS, MAX_BRANDS, (item, at) -> new BrandDefinition(
        item.get("name").asText().strip(), strings(item, "aliases", at), strings(item, "products", at),
        bool(item, "own", at)));
    ThemesHandler.answer(ctx, () -> taxonomy.replaceBrands(brands).brands());
  }

  /** The body as a list: an array of objects with only {@code fields}, each with a unique name. */
  private static <T> List<T> list(RoutingContext ctx, Set<String> fields, int max,
      BiFunction<JsonNode, String, T> read) {
    if (!RequestBodies.isJson(RequestBodies.mediaType(ctx.request().getHeader("content-type")))) {
      throw new ApiException(new ApiError(415, "unsupported_media_type", "send application/json", null));
    }
    JsonNode body = RequestBodies.json(RequestBodies.utf8(ctx.body().buffer()));
    if (!body.isArray()) {
      throw new ApiException(ApiError.badRequest("invalid_taxonomy", "the body must be a JSON array", null));
    }
    if (body.size() > max) {
      throw new ApiException(ApiError.badRequest("invalid_taxonomy",
          "at most " + max + " entries, not " + body.size(), null));
    }
    List<T> items = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < body.size(); i++) {
      JsonNode item = body.get(i);
      String at = "[" + i + "]";
      if (!item.isObject()) {
        throw invalid(at, "must be an object");
      }
      for (Iterator<String> it = item.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        if (!fields.contains(field)) {
          throw invalid(at + "." + field, "is not a known field; known: " + String.join(", ", fields.stream().sorted().toList()));
        }
      }
      JsonNode name = item.get("name");
      if (name == null || !name.isTextual() || name.asText().isBlank()) {
        throw invalid(at + ".name", "must be a non-empty string");
      }
      if (name.asText().strip().length() > MAX_NAME_CHARS) {
        throw invalid(at + ".name", "must be at most " + MAX_NAME_CHARS + " characters");
      }
      if (!names.add(name.asText().strip())) {
        throw invalid(at + ".name", "'" + name.asText().strip() + "' is given twice; names must be unique");
      }
      items.add(read.apply(item, at));
    }
    return items;
  }

  private static String optionalText(JsonNode item, String field, String at) {
    return optional(item, field, at, v -> v.isTextual() && v.asText().length() <= MAX_DESCRIPTION_CHARS,
        "a string of at most " + MAX_DESCRIPTION_CHARS + " characters", JsonNode::asText, null);
  }

  private static List<String> strings(JsonNode item, String field, String at) {
    JsonNode value = item.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw invalid(at + "." + field, "must be an array of strings");
    }
    if (value.size() > MAX_STRINGS) {
      throw invalid(at + "." + field, "must hold at most " + MAX_STRINGS + " strings");
    }
    List<String> strings = new ArrayList<>();
    for (JsonNode element : value) {
      if (!element.isTextual() || element.asText().isBlank() || element.asText().length() > MAX_NAME_CHARS) {
        throw invalid(at + "." + field, "must hold only non-empty strings of at most " + MAX_NAME_CHARS + " characters");
      }
      strings.add(element.asText());
    }
    return strings;
  }

  private static boolean bool(JsonNode item, String field, String at) {
    return optional(item, field, at, JsonNode::isBoolean, "true or false", JsonNode::asBoolean, false);
  }

  /** The value of an optional field: {@code absent} when missing or null, else checked and read. */
  private static <T> T optional(JsonNode item, String field, String at, Predicate<JsonNode> valid,
      String what, Function<JsonNode, T> read, T absent) {
    JsonNode value = item.get(field);
    if (value == null || value.isNull()) {
      return absent;
    }
    if (!valid.test(value)) {
      throw invalid(at + "." + field, "must be " + what);
    }
    return read.apply(value);
  }

  private static ApiException invalid(String field, String problem) {
    return new ApiException(ApiError.badRequest("invalid_taxonomy", field + " " + problem, field));
  }
}

package org.voc.service.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.voc.nlp.ClassifierTrainer;
import org.voc.nlp.DocumentKind;
import org.voc.nlp.LabeledRows;
import org.voc.nlp.VocJson;
import org.voc.service.classifiers.ClassifierRegistry;
import org.voc.service.classifiers.TrainingStatus;

/**
 * {@code GET /v1/classifiers}, {@code GET /v1/classifiers/{name}} and {@code POST
 * /v1/classifiers/{name}/train}: the user's classifiers, and training one in the background from a
 * labeled CSV, TSV, JSONL or JSON body. The body is read and checked before the answer, so a bad
 * file is a 400 saying what is wrong, never a failed training found later.
 */
final class ClassifiersHandler {

  static final int MIN_ROWS = 4;

  private final ClassifierRegistry registry;

  ClassifiersHandler(ClassifierRegistry registry) {
    this.registry = registry;
  }

  void list(RoutingContext ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    List<Object> classifiers = new ArrayList<>();
    Set<String> names = new TreeSet<>(registry.trainings().keySet());
    registry.current().forEach(c -> names.add(c.name()));
    for (String name : names) {
      classifiers.add(describe(name));
    }
    body.put("classifiers", classifiers);
    Responses.json(ctx, 200, body);
  }

  void get(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    if (registry.get(name).isEmpty() && registry.training(name).isEmpty()) {
      Responses.error(ctx, new ApiError(404, "not_found", "no classifier named " + name, null));
      return;
    }
    Responses.json(ctx, 200, describe(name));
  }

  void train(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    if (!name.matches("[a-z][a-z0-9_-]{0,39}")) {
      throw Params.invalid("name", "a classifier name is lower-case letters, digits, '_' or '-' (at most 40)");
    }
    if (!registry.canTrain()) {
      Responses.error(ctx, new ApiError(409, "no_encoder",
          "classifiers need the transformer encoder, but analysis.sentiment is corenlp", null));
      return;
    }
    Set<DocumentKind> kinds = Params.set(ctx, "kinds", k -> DocumentKind.parse(k.toLowerCase(Locale.ROOT))
        .orElseThrow(() -> Params.invalid("kinds", "kinds must be review, ticket or post, not " + k)));
    Double minConfidence = Params.number(ctx, "minConfidence");
    Double heldOut = Params.number(ctx, "heldOut");
    if (minConfidence != null && (minConfidence < 0 || minConfidence > 1)) {
      throw Params.invalid("minConfidence", "minConfidence must be between 0 and 1");
    }
    if (heldOut != null && (heldOut < 0.05 || heldOut > 0.5)) {
      throw Params.invalid("heldOut", "heldOut must be between 0.05 and 0.5");
    }
    LabeledRows.Read read = rows(ctx);
    long labels = read.rows().stream().map(ClassifierTrainer.Row::label).distinct().count();
    if (read.rows().size() < MIN_ROWS || labels < 2) {
      throw new ApiException(ApiError.badRequest("too_little_data", "training needs at least " + MIN_ROWS
          + " rows and 2 labels; got " + read.rows().size() + " rows and " + labels + " labels", "body"));
    }
    String oos = Params.string(ctx, "oos");
    if (oos != null && read.rows().stream().noneMatch(r -> r.label().equals(oos))) {
      throw Params.invalid("oos", "the out-of-scope label " + oos + " is in no row");
    }
    ClassifierTrainer.Settings settings = new ClassifierTrainer.Settings(name, 42, heldOut == null ? 0.1 : heldOut,
        0, oos, minConfidence == null ? 0.5 : minConfidence, "api", read.textColumn(), read.labelColumn());
    TrainingStatus status;
    try {
      status = registry.train(name, read.rows(), settings, kinds);
    } catch (IllegalStateException e) {
      Responses.error(ctx, new ApiError(409, "training", e.getMessage(), null));
      return;
    }
    ctx.response().putHeader("location", "/v1/classifiers/" + name);
    Responses.json(ctx, 202, Map.of("name", name, "training", status, "status", "/v1/classifiers/" + name));
  }

  private Map<String, Object> describe(String name) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    registry.get(name).ifPresent(c -> {
      out.put("kinds", c.kinds().stream().map(DocumentKind::wireName).sorted().toList());
      out.put("model", c.info());
    });
    registry.training(name).ifPresent(t -> out.put("training", t));
    return out;
  }

  /** The labeled rows of the body, by its content type: CSV, TSV, JSONL, or JSON {"examples": [...]}. */
  private static LabeledRows.Read rows(RoutingContext ctx) {
    String type = ctx.request().getHeader("content-type");
    String mime = type == null ? "" : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
    String body = ctx.body() == null ? null : ctx.body().asString("UTF-8");
    if (body == null || body.isBlank()) {
      throw new ApiException(ApiError.badRequest("empty_body", "send the labeled rows as the body", "body"));
    }
    String text = Params.string(ctx, "textColumn");
    String label = Params.string(ctx, "labelColumn");
    try {
      return switch (mime) {
        case "text/csv" -> LabeledRows.read(body, LabeledRows.Format.CSV, text, label);
        case "text/tab-separated-values" -> LabeledRows.read(body, LabeledRows.Format.TSV, text, label);
        case "application/x-ndjson", "application/jsonl" -> LabeledRows.read(body, LabeledRows.Format.JSONL, text, label);
        case "application/json" -> LabeledRows.read(examples(body), LabeledRows.Format.JSONL, text, label);
        default -> throw new ApiException(new ApiError(415, "unsupported_media_type",
            "send text/csv, text/tab-separated-values, application/x-ndjson or application/json "
                + "({\"examples\": [{\"text\": ..., \"label\": ...}]})", "content-type"));
      };
    } catch (IllegalArgumentException e) {
      throw new ApiException(ApiError.badRequest("invalid_rows", e.getMessage(), "body"));
    } catch (IOException e) {
      throw new ApiException(ApiError.badRequest("invalid_rows", "the body cannot be read: " + e.getMessage(), "body"));
    }
  }

  /** {"examples": [{...}, ...]} as JSONL lines. */
  private static String examples(String body) throws IOException {
    JsonNode root;
    try {
      root = VocJson.mapper().readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("the body is not JSON");
    }
    JsonNode examples = root == null ? null : root.get("examples");
    if (examples == null || !examples.isArray()) {
      throw new IllegalArgumentException("a JSON body is {\"examples\": [{\"text\": ..., \"label\": ...}, ...]}");
    }
    StringBuilder lines = new StringBuilder();
    for (JsonNode example : examples) {
      if (!example.isObject()) {
        throw new IllegalArgumentException("every example is an object with text and label");
      }
      lines.append(VocJson.mapper().writeValueAsString(example)).append('\n');
    }
    return lines.toString();
  }
}

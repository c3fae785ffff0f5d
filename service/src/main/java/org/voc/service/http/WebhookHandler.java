package org.voc.service.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voc.service.config.VocConfig;
import org.voc.service.ingest.Accepted;
import org.voc.service.ingest.IngestPipeline;
import org.voc.service.ingest.IngestStatus;
import org.voc.service.ingest.QueueFullException;
import org.voc.service.webhooks.SupportTool;
import org.voc.service.webhooks.TicketDocuments;
import org.voc.service.webhooks.WebhookEvent;
import org.voc.service.webhooks.WebhookSignature;

/**
 * {@code POST /v1/webhooks/{tool}}: a support tool's own payload, checked (its signature when a
 * secret is configured, else the API key), mapped to a ticket document and made durable through the
 * ingest pipeline; the answer comes once it is journaled, before any analysis, well within the
 * tools' timeouts.
 */
final class WebhookHandler {

  private final IngestPipeline pipeline;
  private final DocumentReader reader;
  private final Map<String, VocConfig.Webhook> settings;
  private final MeterRegistry metrics;

  WebhookHandler(IngestPipeline pipeline, DocumentReader reader, Map<String, VocConfig.Webhook> settings,
      MeterRegistry metrics) {
    this.pipeline = pipeline;
    this.reader = reader;
    this.settings = Map.copyOf(settings);
    this.metrics = metrics;
  }

  /**
   * A route handler that lets the request through when it carries the tool's valid signature, or,
   * for a tool without a configured secret, when {@code apiKey} lets it through.
   */
  Handler<RoutingContext> authenticate(Handler<RoutingContext> apiKey) {
    return ctx -> {
      SupportTool tool = tool(ctx);
      String secret = secret(tool);
      if (secret == null) {
        apiKey.handle(ctx);
        return;
      }
      Buffer body = ctx.body().buffer();
      byte[] bytes = body == null ? new byte[0] : body.getBytes();
      WebhookSignature.Check check = WebhookSignature.verify(tool, secret, ctx.request()::getHeader, bytes);
      if (check == WebhookSignature.Check.VALID) {
        ctx.next();
        return;
      }
      count(tool, "unauthorized");
      Responses.error(ctx, check == WebhookSignature.Check.MISSING
          ? new ApiError(401, "missing_signature", "this webhook needs the " + tool.wireName() + " signature headers", null)
          : new ApiError(401, "invalid_signature", "the signature does not match the body and the configured secret", null));
    };
  }

  void post(RoutingContext ctx) {
    SupportTool tool = tool(ctx);
    ctx.vertx()
        .executeBlocking(() -> receive(tool, ctx.body().buffer()), false)
        .onSuccess(answer -> {
          count(tool, answer.outcome());
          Responses.json(ctx, answer.status(), answer.body());
        })
        .onFailure(failure -> {
          if (failure instanceof QueueFullException full) {
            count(tool, "queue_full");
            ctx.response().putHeader("Retry-After", Integer.toString(full.retryAfterSeconds()));
            Responses.error(ctx, new ApiError(429, "queue_full", full.getMessage(), null));
          } else {
            count(tool, "rejected");
            Responses.failed(ctx, failure);
          }
        });
  }

  private record Answer(int status, String outcome, Object body) {}

  private Answer receive(SupportTool tool, Buffer body) throws Exception {
    JsonNode payload = RequestBodies.json(RequestBodies.utf8(body));
    WebhookEvent event = tool.read(payload);
    return switch (event) {
      case WebhookEvent.Invalid invalid ->
          throw new ApiException(ApiError.badRequest("invalid_payload", invalid.message(), invalid.field()));
      case WebhookEvent.Ignored ignored -> {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("status", "ignored");
        answer.put("reason", ignored.reason());
        yield new Answer(200, "ignored", answer);
      }
      case WebhookEvent.Ticket ticket -> ingest(tool, ticket);
    };
  }

  private Answer ingest(SupportTool tool, WebhookEvent.Ticket ticket) throws Exception {
    VocConfig.Webhook webhook = settings.get(tool.wireName());
    boolean keepRequester = webhook != null && webhook.keepRequester();
    Optional<ObjectNode> document = TicketDocuments.toDocument(tool, ticket, keepRequester);
    if (document.isEmpty()) {
      throw new ApiException(ApiError.badRequest("missing_text",
          "the ticket carries no subject, description or comment to analyze", null));
    }
    DocumentReader.Result read = reader.read(document.get());
    if (!read.ok()) {
      throw new ApiException(read.error());
    }
    Accepted accepted = pipeline.accept(List.of(read.submission()), false).getFirst();
    DocumentResult result = new DocumentResult(null, null, accepted.key().id(), accepted.key().source(),
        accepted.status(), null, null, null);
    return new Answer(accepted.status() == IngestStatus.CREATED ? 201 : 200, accepted.status().wireName(), result);
  }

  private String secret(SupportTool tool) {
    VocConfig.Webhook webhook = settings.get(tool.wireName());
    return webhook == null || webhook.secret() == null || webhook.secret().isEmpty() ? null : webhook.secret();
  }

  private static SupportTool tool(RoutingContext ctx) {
    String name = ctx.pathParam("tool");
    return SupportTool.parse(name).orElseThrow(() -> new ApiException(new ApiError(404, "unknown_tool",
        "no webhook for '" + name + "'; known: zendesk, freshdesk, intercom", "tool")));
  }

  private void count(SupportTool tool, String outcome) {
    metrics.counter("voc.webhooks.received", "tool", tool.wireName(), "outcome", outcome).increment();
  }
}

package org.voc.service.http;

import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.voc.service.report.IsoWeek;
import org.voc.service.report.ReportArchive;
import org.voc.service.report.ReportFormat;
import org.voc.service.report.WeeklyReporter;

/**
 * {@code GET /v1/reports/weekly}: the weekly report of an ISO week (default: the last complete
 * one), computed from the index off the event loop, as HTML, JSON, CSV or Markdown; {@code GET
 * /v1/reports}: the reports the schedule wrote, and {@code GET /v1/reports/FILE} one of them.
 */
record ReportsHandler(WeeklyReporter reporter, ReportArchive archive) {

  private static final Set<String> PARAMS = Set.of("week", "format");

  void weekly(RoutingContext ctx) {
    FilterParams.checkKnown(ctx, PARAMS);
    IsoWeek week = week(Params.string(ctx, "week"));
    String formatName = Params.string(ctx, "format");
    ReportFormat format = formatName == null ? ReportFormat.JSON : ReportFormat.parse(formatName)
        .orElseThrow(() -> new ApiException(ApiError.badRequest("invalid_format",
            "format must be html, json, csv or md, not '" + formatName + "'", "format")));
    ctx.vertx().executeBlocking(() -> format.render(reporter.report(week)), false)
        .onSuccess(body -> send(ctx, format, body))
        .onFailure(failure -> Responses.failed(ctx, failure));
  }

  private IsoWeek week(String value) {
    if (value == null) {
      return IsoWeek.lastComplete(reporter.clock());
    }
    IsoWeek week;
    try {
      week = IsoWeek.parse(value);
    } catch (IllegalArgumentException e) {
      throw new ApiException(ApiError.badRequest("invalid_week", e.getMessage(), "week"));
    }
    if (week.isFuture(reporter.clock())) {
      throw new ApiException(ApiError.badRequest("future_week", "week " + week + " has not started yet", "week"));
    }
    return week;
  }

  void list(RoutingContext ctx) {
    ctx.vertx().executeBlocking(() -> Map.of("reports", archive.list("/v1/reports/")), false)
        .onSuccess(body -> Responses.json(ctx, 200, body))
        .onFailure(failure -> Responses.failed(ctx, failure));
  }

  void file(RoutingContext ctx) {
    String name = ctx.pathParam("file");
    ctx.vertx().executeBlocking(() -> {
      Optional<Path> file = archive.find(name);
      return file.isEmpty() ? null : Files.readString(file.get());
    }, false)
        .onSuccess(body -> {
          if (body == null) {
            Responses.error(ctx, new ApiError(404, "not_found", "no written report " + name, null));
          } else {
            send(ctx, ReportFormat.parse(name.substring(name.lastIndexOf('.') + 1)).orElseThrow(), body);
          }
        })
        .onFailure(failure -> Responses.failed(ctx, failure));
  }

  private static void send(RoutingContext ctx, ReportFormat format, String body) {
    ctx.response().putHeader("content-type", format.contentType()).putHeader("x-content-type-options", "nosniff");
    if (format == ReportFormat.HTML) {
      // frame-ancestors only works as a header (browsers ignore it in the report's meta tag): only
      // voc's own pages may frame a report.
      ctx.response().putHeader("content-security-policy", ReportFormat.CONTENT_SECURITY_POLICY
          + "; frame-ancestors 'self'").putHeader("x-frame-options", "SAMEORIGIN");
    }
    ctx.response().setStatusCode(200).end(body);
  }
}

package org.voc.service.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.voc.index.DocumentIndex;
import org.voc.nlp.AnalyzedDocument;
import org.voc.nlp.Document;
import org.voc.service.classifiers.ClassifierRegistry;
import org.voc.service.config.Scope;
import org.voc.service.config.TaxonomyStore;
import org.voc.service.config.VocConfig;
import org.voc.service.ingest.IngestPipeline;
import org.voc.service.report.ReportArchive;
import org.voc.service.report.WeeklyReporter;

/** The HTTP API as a router: reads like the API table in the README. */
public final class HttpApi {

  private HttpApi() {}

  /** What the routes work with. */
  public record Services(
      VocConfig config,
      IngestPipeline pipeline,
      DocumentIndex index,
      Function<Document, AnalyzedDocument> analyzer,
      Function<String, float[]> queryEncoder,
      PrometheusMeterRegistry metrics,
      Clock clock,
      TaxonomyStore taxonomy,
      ClassifierRegistry classifiers) {}

  public static Router router(Vertx vertx, Services services) {
    VocConfig.Limits limits = services.config().limits();
    DocumentReader reader = new DocumentReader(limits.maxDocumentBytes(), services.clock());
    WorkerExecutor analysisPool =
        vertx.createSharedWorkerExecutor("voc-analyze", services.config().analysis().workers());
    DocumentsHandler documents = new DocumentsHandler(services.pipeline(), reader,
        limits.queueCapacity(), limits.waitSeconds());
    SearchHandler search = new SearchHandler(services.index(), services.queryEncoder(), analysisPool);
    AnalyzeHandler analyze = new AnalyzeHandler(services.analyzer(), reader, analysisPool);
    ThemesHandler themes = new ThemesHandler(services.index(), services.taxonomy());
    CompareHandler compare = new CompareHandler(services.index(), services.taxonomy());
    TaxonomyHandler taxonomy = new TaxonomyHandler(services.taxonomy());
    ClassifiersHandler classifiers = new ClassifiersHandler(services.classifiers());
    ReportsHandler reports = new ReportsHandler(new WeeklyReporter(services.index(),
        () -> WeeklyReporter.ownBrands(services.taxonomy().current()), services.clock()),
        ReportArchive.in(services.config().data()));
    WebhookHandler webhooks = new WebhookHandler(services.pipeline(), reader, services.config().webhooks(),
        services.metrics());
    ApiKeys keys = new ApiKeys(services.config().apiKeys());
    BodyHandler body = BodyHandler.create(false).setBodyLimit(limits.maxRequestBytes());

    Router router = Router.router(vertx);
    // Before authentication and bodies. It sees every path and limits the /v1 ones only.
    router.route().handler(new RateLimits(limits, keys, System::nanoTime));
    router.post("/v1/analyze").handler(body).handler(keys.require(Scope.INGEST)).handler(analyze::analyze);
    router.post("/v1/documents").handler(body).handler(keys.require(Scope.INGEST)).handler(documents::post);
    router.get("/v1/documents/:source/:id").handler(keys.require(Scope.READ)).handler(documents::get);
    router.delete("/v1/documents/:source/:id").handler(keys.require(Scope.ADMIN)).handler(documents::delete);
    router.post("/v1/webhooks/:tool").handler(body).handler(webhooks.authenticate(keys.require(Scope.INGEST)))
        .handler(webhooks::post);
    router.get("/v1/search").handler(keys.require(Scope.READ)).handler(search::search);
    router.get("/v1/themes").handler(keys.require(Scope.READ)).handler(themes::themes);
    router.get("/v1/compare").handler(keys.require(Scope.READ)).handler(compare::compare);
    router.get("/v1/reports").handler(keys.require(Scope.READ)).handler(reports::list);
    router.get("/v1/reports/weekly").handler(keys.require(Scope.READ)).handler(reports::weekly);
    router.get("/v1/reports/:file").handler(keys.require(Scope.READ)).handler(reports::file);
    router.get("/v1/classifiers").handler(keys.require(Scope.READ)).handler(classifiers::list);
    router.get("/v1/classifiers/:name").handler(keys.require(Scope.READ)).handler(classifiers::get);
    router.post("/v1/classifiers/:name/train").handler(body).handler(keys.require(Scope.ADMIN))
        .handler(classifiers::train);
    router.get("/v1/taxonomy/themes").handler(keys.require(Scope.ADMIN)).handler(taxonomy::getThemes);
    router.put("/v1/taxonomy/themes").handler(body).handler(keys.require(Scope.ADMIN)).handler(taxonomy::putThemes);
    router.get("/v1/taxonomy/brands").handler(keys.require(Scope.ADMIN)).handler(taxonomy::getBrands);
    router.put("/v1/taxonomy/brands").handler(body).handler(keys.require(Scope.ADMIN)).handler(taxonomy::putBrands);
    router.get("/health").handler(ctx -> health(ctx, services));
    router.get("/metrics").handler(keys.require(Scope.READ)).handler(PrometheusScrapingHandler.create(services.metrics()));
    router.get("/openapi.json").handler(new OpenApiDocument()::serve);
    // After every API route: the pages own only / and /assets/*, so an unknown /v1 path stays a JSON 404.
    new AnalystPages().register(router);

    router.route().failureHandler(ctx -> failure(ctx, limits.maxRequestBytes()));
    router.errorHandler(404, ctx -> Responses.error(ctx,
        new ApiError(404, "not_found", "no such endpoint: " + ctx.request().path(), null)));
    router.errorHandler(405, ctx -> Responses.error(ctx,
        new ApiError(405, "method_not_allowed", ctx.request().method() + " is not allowed on " + ctx.request().path(), null)));
    router.errorHandler(413, ctx -> failure(ctx, limits.maxRequestBytes()));
    router.errorHandler(400, ctx -> failure(ctx, limits.maxRequestBytes()));
    return router;
  }

  private static void health(RoutingContext ctx, Services services) {
    Map<String, Object> body = new LinkedHashMap<>();
    try {
      body.put("status", "up");
      body.put("documents", services.index().count());
      body.put("queued", services.pipeline().queued());
      Responses.json(ctx, 200, body);
    } catch (IOException | RuntimeException e) {
      Responses.internalError(ctx, e);
    }
  }

  static boolean malformedEscapes(String path) {
    for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
      if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0
          || Character.digit(path.charAt(i + 2), 16) < 0) {
        return true;
      }
    }
    return false;
  }

  private static void failure(RoutingContext ctx, long maxRequestBytes) {
    Throwable failure = ctx.failure();
    int status = ctx.statusCode();
    if (failure instanceof ApiException api) {
      Responses.error(ctx, api.error());
    } else if (status == 413) {
      Responses.error(ctx, new ApiError(413, "request_too_large",
          "the request body is larger than the limit of " + maxRequestBytes + " bytes", null));
    } else if (failure == null && malformedEscapes(ctx.request().path())) {
      // Vert.x cannot decode such a path and fails the request as a 500 without a cause.
      Responses.error(ctx, ApiError.badRequest("invalid_path",
          "the path holds a '%' that is not followed by two hexadecimal digits"));
    } else if (status >= 400 && status < 500) {
      Responses.error(ctx, new ApiError(status, "bad_request", "the request could not be read", null));
    } else {
      Responses.internalError(ctx, failure);
    }
  }
}

package org.voc.service.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.voc.nlp.VocJson;

/** The formats a {@link WeeklyReport} is rendered in, with their file extension and content type. */
public enum ReportFormat {
  HTML("html", "text/html; charset=utf-8", ReportHtml::render),
  JSON("json", "application/json; charset=utf-8", ReportFormat::json),
  CSV("csv", "text/csv; charset=utf-8", ReportCsv::render),
  MARKDOWN("md", "text/markdown; charset=utf-8", ReportMarkdown::render);

  /** What the HTML report may load: nothing but its own inline styles and data images. */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

  private final String extension;
  private final String contentType;
  private final Function<WeeklyReport, String> renderer;

  ReportFormat(String extension, String contentType, Function<WeeklyReport, String> renderer) {
    this.extension = extension;
    this.contentType = contentType;
    this.renderer = renderer;
  }

  /** The name used in {@code format=} and as the file extension: html, json, csv, md. */
  public String extension() {
    return extension;
  }

  public String contentType() {
    return contentType;
  }

  public String render(WeeklyReport report) {
    return renderer.apply(report);
  }

  /** The format named {@code name} (its extension, any case), if any. */
  public static Optional<ReportFormat> parse(String name) {
    return Arrays.stream(values()).filter(f -> f.extension.equalsIgnoreCase(name == null ? "" : name.strip()))
        .findFirst();
  }

  private static String json(WeeklyReport report) {
    try {
      return VocJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}

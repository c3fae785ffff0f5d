package org.voc.service.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.voc.nlp.VocJson;

/**
 * Posts a report's summary to a Slack-compatible incoming webhook: {@code {"text": "..."}} with the
 * summary sentences and a link to the HTML report ({@code <url|label>}). Slack's control
 * characters {@code & < >} in the sentences are escaped, so data cannot forge links or mentions.
 */
public final class ReportWebhook {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final URI url;

  public ReportWebhook(URI url) {
    this.url = url;
  }

  /** The JSON body for {@code report}, linking to {@code link}. */
  public static String body(WeeklyReport report, String link) {
    StringBuilder text = new StringBuilder("*Weekly report ").append(report.week()).append("*");
    report.summary().forEach(sentence -> text.append("\n• ").append(slack(sentence)));
    text.append("\n<").append(link).append("|Open the ").append(report.week()).append(" report>");
    try {
      return VocJson.mapper().writeValueAsString(Map.of("text", text.toString()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Posts the summary; an answer other than 2xx is an {@link IOException}. */
  public void post(WeeklyReport report, String link) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
        .header("content-type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body(report, link))).build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("webhook answered " + response.statusCode());
    }
  }

  private static String slack(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

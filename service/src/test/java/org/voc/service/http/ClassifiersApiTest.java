package org.voc.service.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.service.ApiClient;
import org.voc.service.FakeAnalyzer;
import org.voc.service.VocServer;
import org.voc.service.config.VocConfig;

/**
 * {@code /v1/classifiers}: train a classifier from labeled rows written here, watch its progress,
 * see it label tickets at ingest and in {@code /v1/analyze}, and find it again after a restart.
 */
public class ClassifiersApiTest {

  private static final String ADMIN = "admin-key-0123456789";
  private static final String READER = "read-key-0123456789";

  /** Three support intents, ten phrasings each, as a support team might label them. */
  public static final String TICKETS_CSV = """
      text,category
      my card has not arrived,card_arrival
      where is my new card,card_arrival
      card still not delivered,card_arrival
      when will my card arrive,card_arrival
      the card never came in the post,card_arrival
      still waiting for my card,card_arrival
      has my card been sent,card_arrival
      card delivery is late,card_arrival
      I did not receive my card,card_arrival
      new card missing in the mail,card_arrival
      I want a refund,refund
      refund my money please,refund
      how do I get a refund,refund
      the refund has not reached my account,refund
      please process my refund,refund
      refund still pending,refund
      when will I get the refund,refund
      "money back for my order, please",refund
      I asked for a refund twice,refund
      refund request status,refund
      I forgot my password,password
      reset my password,password
      password reset link does not work,password
      cannot log in with my password,password
      change my password,password
      my password expired,password
      how to reset password,password
      locked out after password attempts,password
      new password not accepted,password
      password help,password
      """;

  @TempDir Path dir;
  private VocServer server;
  private ApiClient api;
  private FakeAnalyzer analyzer;

  private VocConfig config(List<VocConfig.Classifier> classifiers) {
    return new VocConfig("127.0.0.1", 0, dir.resolve("data"),
        List.of(new VocConfig.ApiKey(ADMIN, List.of("ingest", "read", "admin")),
            new VocConfig.ApiKey(READER, List.of("read"))),
        null, null, null, null, null, null, null, classifiers);
  }

  private void start(List<VocConfig.Classifier> classifiers) throws Exception {
    analyzer = new FakeAnalyzer();
    server = VocServer.start(config(classifiers), analyzer, FakeAnalyzer::embed, Clock.systemUTC(),
        analyzer::setTaxonomy, analyzer.classifierHost());
    api = new ApiClient(server.port());
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private ApiClient.Response get(String path) {
    return api.send(HttpRequest.newBuilder(api.uri(path)).header("authorization", "Bearer " + READER).GET());
  }

  private ApiClient.Response post(String path, String key, String type, String body) {
    return api.send(HttpRequest.newBuilder(api.uri(path)).header("authorization", "Bearer " + key)
        .header("content-type", type).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private JsonNode trainAndWait(String name, String query) throws Exception {
    ApiClient.Response accepted = post("/v1/classifiers/" + name + "/train" + query, ADMIN, "text/csv", TICKETS_CSV);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.json().path("status").asText()).isEqualTo("/v1/classifiers/" + name);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      JsonNode status = get("/v1/classifiers/" + name).json();
      String state = status.path("training").path("state").asText();
      if (state.equals("done")) {
        return status;
      }
      assertThat(state).as(status.toString()).isNotEqualTo("failed");
      Thread.sleep(50);
    }
    throw new AssertionError("training did not finish within 60 s");
  }

  private JsonNode ingest(String id, String kind, String text) {
    ApiClient.Response response = post("/v1/documents?wait=true", ADMIN, "application/json",
        "{\"source\":\"desk\",\"id\":\"" + id + "\",\"kind\":\"" + kind + "\",\"text\":\"" + text + "\"}");
    assertThat(response.status()).as(response.body()).isLessThan(300);
    return response.json();
  }

  private static String best(JsonNode classification) {
    return classification.path("alternatives").get(0).path("label").asText();
  }

  @Test
  void aClassifierTrainedThroughTheApiLabelsTicketsAtIngestAndInAnalyze() throws Exception {
    start(null);

    JsonNode status = trainAndWait("intent", "?kinds=ticket");

    assertThat(status.path("kinds").get(0).asText()).isEqualTo("ticket");
    JsonNode model = status.path("model");
    assertThat(model.path("labels")).extracting(JsonNode::asText)
        .containsExactly("card_arrival", "password", "refund");
    assertThat(model.path("rows").asInt()).isEqualTo(30);
    assertThat(model.path("heldOut").path("n").asInt()).isEqualTo(3);
    assertThat(model.path("encoder").asText()).isEqualTo(FakeAnalyzer.ENCODER);

    ingest("t1", "ticket", "my card has still not arrived");
    JsonNode stored = get("/v1/documents/desk/t1").json();
    JsonNode intent = stored.path("analysis").path("classifications").path("intent");
    assertThat(best(intent)).isEqualTo("card_arrival");
    assertThat(intent.path("alternatives")).hasSize(3);
    assertThat(intent.path("confidence").asDouble()).isBetween(0.0, 1.0);

    ingest("r1", "review", "my card has still not arrived");
    assertThat(get("/v1/documents/desk/r1").json().path("analysis").path("classifications").has("intent")).isFalse();

    ApiClient.Response analyzed = post("/v1/analyze", ADMIN, "application/json",
        "{\"source\":\"desk\",\"kind\":\"ticket\",\"text\":\"please reset my password\"}");
    assertThat(analyzed.status()).as(analyzed.body()).isEqualTo(200);
    assertThat(best(analyzed.json().path("classifications").path("intent"))).isEqualTo("password");
  }

  @Test
  void aTrainedClassifierIsListedAndStillInForceAfterARestart() throws Exception {
    start(null);
    trainAndWait("intent", "");
    server.close();
    server = null;

    start(null);

    JsonNode list = get("/v1/classifiers").json().path("classifiers");
    assertThat(list).hasSize(1);
    assertThat(list.get(0).path("name").asText()).isEqualTo("intent");
    assertThat(list.get(0).path("model").path("labels")).hasSize(3);
    ApiClient.Response analyzed = post("/v1/analyze", ADMIN, "application/json",
        "{\"source\":\"desk\",\"kind\":\"post\",\"text\":\"I want a refund\"}");
    assertThat(best(analyzed.json().path("classifications").path("intent"))).isEqualTo("refund");
  }

  @Test
  void aConfiguredClassifierIsLoadedFromItsDirectory() throws Exception {
    start(null);
    trainAndWait("intent", "");
    server.close();
    server = null;
    Path trained = dir.resolve("data/models/intent");
    java.nio.file.Files.delete(dir.resolve("data/classifiers.json"));

    start(List.of(new VocConfig.Classifier("routing", trained, List.of("ticket"))));

    JsonNode routing = get("/v1/classifiers/routing").json();
    assertThat(routing.path("kinds").get(0).asText()).isEqualTo("ticket");
    ingest("t2", "ticket", "how do I get a refund");
    assertThat(best(get("/v1/documents/desk/t2").json().path("analysis").path("classifications").path("routing")))
        .isEqualTo("refund");
  }

  @Test
  void aConfiguredClassifierThatDoesNotExistStopsStartUpWithItsReason() {
    assertThatThrownBy(() -> start(List.of(new VocConfig.Classifier("intent", dir.resolve("nothing"), null))))
        .hasMessageContaining("classifiers.intent").hasMessageContaining("voc train classifier");
  }

  @Test
  void badTrainingRequestsAreRefusedWithTheReason() throws Exception {
    start(null);

    assertThat(post("/v1/classifiers/intent/train", READER, "text/csv", TICKETS_CSV).status()).isEqualTo(403);
    ApiClient.Response wrongType = post("/v1/classifiers/intent/train", ADMIN, "application/xml", "<a/>");
    assertThat(wrongType.status()).isEqualTo(415);
    assertThat(wrongType.json().path("error").path("field").asText()).isEqualTo("content-type");
    ApiClient.Response oneLabel = post("/v1/classifiers/intent/train", ADMIN, "text/csv",
        "text,label\na,x\nb,x\nc,x\nd,x\n");
    assertThat(oneLabel.status()).isEqualTo(400);
    assertThat(oneLabel.json().path("error").path("code").asText()).isEqualTo("too_little_data");
    ApiClient.Response noLabel = post("/v1/classifiers/intent/train", ADMIN, "text/csv", "text,notes\na,x\n");
    assertThat(noLabel.status()).isEqualTo(400);
    assertThat(noLabel.json().path("error").path("message").asText()).contains("no label column");
    assertThat(post("/v1/classifiers/intent/train?kinds=email", ADMIN, "text/csv", TICKETS_CSV).status())
        .isEqualTo(400);
    assertThat(post("/v1/classifiers/Bad%20Name/train", ADMIN, "text/csv", TICKETS_CSV).status()).isEqualTo(400);
    ApiClient.Response json = post("/v1/classifiers/intent/train", ADMIN, "application/json", "{\"rows\": []}");
    assertThat(json.status()).isEqualTo(400);
    assertThat(json.json().path("error").path("message").asText()).contains("examples");
    assertThat(get("/v1/classifiers/intent").status()).isEqualTo(404);
    assertThat(get("/v1/classifiers").json().path("classifiers")).isEmpty();
  }

  @Test
  void examplesCanBePostedAsJson() throws Exception {
    start(null);
    StringBuilder body = new StringBuilder("{\"examples\": [");
    String[] lines = TICKETS_CSV.strip().split("\n");
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].replace("\"", "");
      int comma = line.lastIndexOf(',');
      body.append(i > 1 ? "," : "").append("{\"text\":\"").append(line, 0, comma).append("\",\"label\":\"")
          .append(line.substring(comma + 1)).append("\"}");
    }
    body.append("]}");

    ApiClient.Response accepted = post("/v1/classifiers/team/train", ADMIN, "application/json", body.toString());

    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
  }
}

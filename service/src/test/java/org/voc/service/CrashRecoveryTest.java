package org.voc.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability with a real process: several clients ingest under load (batches, single documents,
 * updates, retries of the same id) while the service is killed with SIGKILL at random moments and
 * restarted on the same data dir. Afterwards every acknowledged document is indexed exactly once,
 * with the text of its last acknowledged write. A write that was sent but never answered may or
 * may not have been applied: it is allowed, never required.
 *
 * <p>The normal run kills 20 times (about a minute with the fake analyzer); {@code
 * -Dvoc.crash.kills=200 -Dvoc.crash.seed=7} runs longer or differently.
 */
class CrashRecoveryTest {

  private static final int KILLS = Integer.getInteger("voc.crash.kills", 20);
  private static final long SEED = Long.getLong("voc.crash.seed", 20261202L);
  private static final int CLIENTS = 4;
  private static final long MAX_LIFE_MILLIS = 1500;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedDocumentIsIndexedOnceWithItsLastTextAfterRandomKills() throws Exception {
    Path data = dir.resolve("data");
    int port = freePort();
    Random moments = new Random(SEED);
    AtomicLong acknowledgedRequests = new AtomicLong();
    List<Client> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      clients.add(new Client("c" + i, new Random(SEED * 31 + i), new ApiClient(port), acknowledgedRequests));
    }
    Service service = Service.start(port, data, dir.resolve("life-0.log"));
    List<Thread> threads = new ArrayList<>();
    int kills = 0;
    try {
      service.awaitHealthy();
      for (Client client : clients) {
        Thread thread = new Thread(client, "crash-client-" + client.prefix);
        thread.start();
        threads.add(thread);
      }
      for (int life = 1; life <= KILLS; life++) {
        awaitAcknowledgementAfter(acknowledgedRequests, clients, service);
        Thread.sleep(moments.nextLong(MAX_LIFE_MILLIS)); // the random moment of the kill, under load
        service.kill();
        kills++;
        service = Service.start(port, data, dir.resolve("life-" + life + ".log"));
        service.awaitHealthy();
      }
      for (Client client : clients) {
        client.running = false;
      }
      for (Thread thread : threads) {
        thread.join(TimeUnit.MINUTES.toMillis(3));
        assertThat(thread.isAlive()).as(thread.getName() + " finished").isFalse();
      }
      for (Client client : clients) {
        if (client.failure != null) {
          throw new AssertionError(client.prefix + " failed; service log:\n" + service.logTail(), client.failure);
        }
      }

      Verdict verdict = verify(service, clients);
      long acknowledgedIds = clients.stream().mapToLong(c -> c.acknowledged.size()).sum();
      long acknowledgedDocuments = clients.stream().mapToLong(c -> c.acknowledgedDocuments).sum();
      System.out.printf(Locale.ROOT, "Crash loop (seed %d): %d kills, %d acknowledged requests (%d documents, "
              + "%d distinct ids), %d documents indexed, %d duplicates, %d lost, %d with their last acknowledged "
              + "text, %d with a later unanswered write, %d unanswered writes (%d retried, %d abandoned)%n",
          SEED, kills, acknowledgedRequests.get(), acknowledgedDocuments, acknowledgedIds, verdict.documents,
          verdict.duplicates, verdict.lost(), verdict.lastAcknowledged, verdict.laterUnanswered,
          clients.stream().mapToLong(c -> c.unanswered).sum(), clients.stream().mapToLong(c -> c.retried).sum(),
          clients.stream().mapToLong(c -> c.abandoned).sum());

      assertThat(kills).isEqualTo(KILLS);
      assertThat(verdict.problems).as("documents not as acknowledged").isEmpty();
      assertThat(clients.stream().flatMap(c -> c.problems.stream()).toList())
          .as("answers that contradict an earlier acknowledgement").isEmpty();
      assertThat(verdict.duplicates).isZero();
      assertThat(verdict.documents).isEqualTo(acknowledgedIds + verdict.presentUnacknowledged);
      assertThat(acknowledgedIds).isGreaterThan(KILLS);
    } finally {
      for (Client client : clients) {
        client.running = false;
      }
      for (Thread thread : threads) {
        thread.join(TimeUnit.SECONDS.toMillis(10));
      }
      service.stop();
    }
  }

  /** Polls until some client has been answered in this life of the service, so each kill lands under load. */
  private static void awaitAcknowledgementAfter(AtomicLong acknowledged, List<Client> clients, Service service)
      throws Exception {
    long before = acknowledged.get();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (acknowledged.get() <= before) {
      if (System.nanoTime() > deadline || clients.stream().anyMatch(c -> c.failure != null)) {
        throw new AssertionError("no request acknowledged; service log:\n" + service.logTail(),
            clients.stream().map(c -> c.failure).filter(f -> f != null).findFirst().orElse(null));
      }
      Thread.sleep(10);
    }
  }

  /** What the index holds, once everything queued is analyzed, against what the clients were told. */
  private static Verdict verify(Service service, List<Client> clients) throws Exception {
    ApiClient api = new ApiClient(service.port);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (true) {
      JsonNode health = api.get("/health").json();
      Verdict verdict = health.path("queued").asInt() == 0 ? check(service.port, clients, health) : null;
      if (verdict != null && verdict.settled) {
        return verdict;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the index did not settle: " + health + (verdict == null ? "" : " " + verdict.problems));
      }
      Thread.sleep(200);
    }
  }

  private static Verdict check(int port, List<Client> clients, JsonNode healthBefore) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients.size());
    Verdict verdict = new Verdict();
    try {
      List<Future<Verdict>> parts = new ArrayList<>();
      for (Client client : clients) {
        parts.add(pool.submit(() -> client.check(new ApiClient(port))));
      }
      for (Future<Verdict> part : parts) {
        verdict.add(part.get());
      }
    } finally {
      pool.shutdownNow();
    }
    ApiClient api = new ApiClient(port);
    long documents = api.get("/health").json().path("documents").asLong();
    long searchTotal = api.get("/v1/search?q=walrus&limit=1").json().path("total").asLong();
    long present = verdict.lastAcknowledged + verdict.laterUnanswered + verdict.presentUnacknowledged;
    verdict.documents = documents;
    verdict.duplicates = documents - present;
    verdict.settled = verdict.pending == 0 && documents == searchTotal
        && documents == healthBefore.path("documents").asLong();
    if (searchTotal != documents) {
      verdict.problems.add("search finds " + searchTotal + " documents, /health counts " + documents);
    }
    return verdict;
  }

  /** One thread of ingest: its own ids, so the order of its acknowledgements is the order of its writes. */
  private static final class Client implements Runnable {

    final String prefix;
    final Random random;
    final ApiClient api;
    final AtomicLong acknowledgedRequests;
    /** id → the text of its last acknowledged write. */
    final Map<String, String> acknowledged = new HashMap<>();
    /** id → texts sent after its last acknowledged write whose answer never came (the service was killed). */
    final Map<String, Set<String>> unansweredSince = new HashMap<>();
    final List<String> ids = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    volatile boolean running = true;
    volatile Throwable failure;
    long acknowledgedDocuments;
    long unanswered;
    long retried;
    long abandoned;
    private int version;

    Client(String prefix, Random random, ApiClient api, AtomicLong acknowledgedRequests) {
      this.prefix = prefix;
      this.random = random;
      this.api = api;
      this.acknowledgedRequests = acknowledgedRequests;
    }

    @Override
    public void run() {
      try {
        while (running) {
          step();
        }
      } catch (Throwable e) {
        failure = e;
      }
    }

    private void step() throws InterruptedException {
      int dice = random.nextInt(100);
      if (dice < 35 || ids.isEmpty()) {
        List<Write> batch = new ArrayList<>();
        int size = 2 + random.nextInt(12);
        for (int i = 0; i < size; i++) {
          boolean again = !batch.isEmpty() && random.nextInt(10) == 0; // the same id twice in one batch
          batch.add(again ? write(batch.getLast().id()) : random.nextInt(10) < 7 || ids.isEmpty() ? create() : update());
        }
        send(batch, false, random.nextBoolean());
      } else if (dice < 65) {
        send(List.of(create()), random.nextInt(10) == 0, false);
      } else if (dice < 85) {
        send(List.of(update()), random.nextInt(10) == 0, false);
      } else {
        String id = ids.get(random.nextInt(ids.size()));
        String text = acknowledged.get(id);
        if (text != null) {
          send(List.of(new Write(id, text)), false, false); // a client retrying what was acknowledged
        }
      }
    }

    private Write create() {
      String id = prefix + "-" + ids.size();
      ids.add(id);
      return write(id);
    }

    private Write update() {
      return write(ids.get(random.nextInt(ids.size())));
    }

    private Write write(String id) {
      version++;
      return new Write(id, "Crash walrus " + id + " version " + version + " says the delivery was late.");
    }

    /** Sends until answered; when the service dies mid-request, retries it or (sometimes) gives up. */
    private void send(List<Write> writes, boolean wait, boolean ndjson) throws InterruptedException {
      boolean single = writes.size() == 1 && random.nextInt(4) != 0;
      String body = single ? json(writes.getFirst()) : ndjson
          ? String.join("\n", writes.stream().map(Client::json).toList()) + "\n"
          : "{\"documents\":[" + String.join(",", writes.stream().map(Client::json).toList()) + "]}";
      String type = !single && ndjson ? "application/x-ndjson" : "application/json";
      String path = "/v1/documents" + (wait ? "?wait=true" : "");
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      boolean inDoubt = false;
      while (System.nanoTime() < deadline) {
        ApiClient.Response response;
        try {
          response = api.post(path, type, body);
        } catch (AssertionError connectionLost) {
          if (!inDoubt) {
            inDoubt = true;
            unanswered++;
            for (Write w : writes) {
              unansweredSince.computeIfAbsent(w.id(), k -> new LinkedHashSet<>()).add(w.text());
            }
            if (random.nextInt(10) < 3) {
              abandoned++;
              return; // the client gives up; whether it was applied is unknown
            }
            retried++;
          }
          Thread.sleep(20);
          continue;
        }
        if (response.status() == 429 || response.status() == 503) {
          Thread.sleep(20);
          continue;
        }
        if (response.status() != 200 && response.status() != 201) {
          throw new AssertionError(response.status() + " for " + body + ": " + response.body());
        }
        acknowledge(writes, single ? List.of(response.json()) : toList(response.json().path("results")));
        acknowledgedRequests.incrementAndGet();
        return;
      }
      throw new AssertionError("not answered within 3 minutes: " + body);
    }

    private void acknowledge(List<Write> writes, List<JsonNode> results) {
      assertThat(results).hasSize(writes.size());
      for (int i = 0; i < writes.size(); i++) {
        Write w = writes.get(i);
        String status = results.get(i).path("status").asText();
        assertThat(results.get(i).path("id").asText()).isEqualTo(w.id());
        String last = acknowledged.get(w.id());
        Set<String> unanswered = unansweredSince.getOrDefault(w.id(), Set.of());
        boolean consistent = switch (status) {
          case "created" -> last == null;
          case "updated" -> last != null || !unanswered.isEmpty();
          case "duplicate" -> w.text().equals(last) || unanswered.contains(w.text());
          default -> false;
        };
        if (!consistent) {
          problems.add(w.id() + ": '" + status + "' for '" + w.text() + "', last acknowledged '" + last
              + "', unanswered since " + unanswered);
        }
        acknowledged.put(w.id(), w.text());
        unansweredSince.remove(w.id());
        acknowledgedDocuments++;
      }
    }

    /** Reads back each of this client's ids. */
    Verdict check(ApiClient reader) {
      Verdict verdict = new Verdict();
      for (String id : ids) {
        ApiClient.Response response = reader.get("/v1/documents/crawler/" + id);
        String last = acknowledged.get(id);
        Set<String> unanswered = unansweredSince.getOrDefault(id, Set.of());
        if (response.status() == 404) {
          if (last != null) {
            verdict.problems.add(id + " acknowledged as '" + last + "' but missing");
          }
          continue;
        }
        if (response.status() != 200) {
          throw new AssertionError("GET " + id + ": " + response.status() + " " + response.body());
        }
        JsonNode stored = response.json();
        String text = stored.path("document").path("text").asText();
        if (!stored.path("status").asText().equals("analyzed")) {
          verdict.pending++;
        }
        if (text.equals(last)) {
          verdict.lastAcknowledged++;
        } else if (unanswered.contains(text)) {
          if (last == null) {
            verdict.presentUnacknowledged++;
          } else {
            verdict.laterUnanswered++;
          }
        } else {
          verdict.problems.add(id + " holds '" + text + "', last acknowledged '" + last + "'");
        }
      }
      return verdict;
    }

    private static String json(Write w) {
      return "{\"source\":\"crawler\",\"id\":\"" + w.id() + "\",\"kind\":\"post\",\"text\":\"" + w.text() + "\"}";
    }

    private static List<JsonNode> toList(JsonNode array) {
      List<JsonNode> list = new ArrayList<>();
      array.forEach(list::add);
      return list;
    }
  }

  private record Write(String id, String text) {}

  /** The outcome of reading everything back. */
  private static final class Verdict {
    final List<String> problems = new ArrayList<>();
    long lastAcknowledged;
    long laterUnanswered;
    long presentUnacknowledged;
    long pending;
    long documents;
    long duplicates;
    boolean settled;

    void add(Verdict part) {
      problems.addAll(part.problems);
      lastAcknowledged += part.lastAcknowledged;
      laterUnanswered += part.laterUnanswered;
      presentUnacknowledged += part.presentUnacknowledged;
      pending += part.pending;
    }

    long lost() {
      return problems.stream().filter(p -> p.endsWith("but missing")).count();
    }
  }

  /** The service as a child process ({@link FakeAnalyzerServer}), started on the same port and data dir each life. */
  private static final class Service {
    final Process process;
    final int port;
    final Path log;

    private Service(Process process, int port, Path log) {
      this.process = process;
      this.port = port;
      this.log = log;
    }

    static Service start(int port, Path data, Path log) throws IOException {
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> command = List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp",
          System.getProperty("java.class.path"), FakeAnalyzerServer.class.getName(), Integer.toString(port),
          data.toString());
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .directory(log.getParent().toFile())
          .start();
      return new Service(process, port, log);
    }

    void awaitHealthy() throws Exception {
      ApiClient api = new ApiClient(port);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new AssertionError("service exited: " + logTail());
        }
        try {
          if (api.get("/health").status() == 200) {
            return;
          }
        } catch (AssertionError notYet) {
          // not listening yet
        }
        Thread.sleep(50);
      }
      throw new AssertionError("service did not become healthy: " + logTail());
    }

    /** SIGKILL: no shutdown hook, no final commit. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    void stop() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }

    String logTail() throws IOException {
      String text = Files.readString(log);
      return text.substring(Math.max(0, text.length() - 20_000));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

package org.voc.eval.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM this one starts for a benchmark (the service under test, or a baseline server), listening
 * on a free loopback port, its output in a log file. It is stopped on {@link #close}, and by a
 * shutdown hook if this JVM ends first (Ctrl-C, a failure), so no server outlives the bench.
 */
final class ChildJvm implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;
  private final int port;
  private final Thread killer;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private ChildJvm(String name, Process process, Path log, int port) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.port = port;
    this.killer = new Thread(process::destroyForcibly, "bench-kill-" + name);
    Runtime.getRuntime().addShutdownHook(killer);
  }

  /**
   * Starts {@code main} with {@code jvmOptions} on {@code classpath}, with the same Java as this
   * JVM, in {@code dir}, its output to {@code dir/NAME.log}.
   */
  static ChildJvm start(String name, List<String> jvmOptions, String classpath, String main, List<String> args,
      int port, Path dir) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(main);
    command.addAll(args);
    Path log = dir.resolve(name + ".log");
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ChildJvm(name, process, log, port);
  }

  /** A port nobody listens on now, on the loopback address. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  int port() {
    return port;
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  HttpClient http() {
    return http;
  }

  /** Polls {@code path} until it answers 200; fails with the log's tail if the JVM exits or time runs out. */
  void awaitReady(String path, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).GET().build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(name + " exited with " + process.exitValue() + ":\n" + logTail());
      }
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // starting up
      }
      Thread.sleep(200);
    }
    throw new IOException(name + " not ready after " + timeout + ":\n" + logTail());
  }

  String logTail() {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      return text.substring(Math.max(0, text.length() - 4_000));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The child's resident memory now (VmRSS from /proc). */
  long rssBytes() throws IOException {
    return MemoryFigure.rssBytes(Path.of("/proc", Long.toString(process.pid()), "status"));
  }

  /** SIGTERM, then SIGKILL after 30 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }
}

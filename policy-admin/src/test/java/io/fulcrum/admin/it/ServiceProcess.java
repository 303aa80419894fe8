package io.fulcrum.admin.it;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.List;
import java.util.Map;

/**
 * The decision service as a separate operating-system process, started by the {@code
 * fulcrum-service} script exactly as a user starts it (Payara Micro jar plus the built WAR), on
 * 127.0.0.1 and a free port, with its data directory under {@code target/}. {@link #kill()} is
 * {@code kill -9}: the script {@code exec}s the JVM, so the process started here is the JVM itself
 * and {@link Process#destroyForcibly()} sends it SIGKILL (Linux), leaving no chance to flush or
 * close anything.
 */
final class ServiceProcess {

  /** A start takes 20-40 s on an idle 2-core machine, several minutes on a saturated one. */
  private static final Duration READY_TIMEOUT =
      Duration.ofSeconds(Long.getLong("fulcrum.it.ready.seconds", 600));

  private final Process process;
  private final Path log;
  final int port;

  private ServiceProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts the service and waits until {@code /health/ready} reports the service's own check UP.
   *
   * @param dataDirectory {@code FULCRUM_DATA}: the embedded database and Payara's root directory
   * @param environment further settings (e.g. {@code FULCRUM_DB_URL})
   * @param log where the service's output goes
   */
  static ServiceProcess start(Path dataDirectory, Map<String, String> environment, Path log)
      throws IOException, InterruptedException {
    Path script =
        Path.of(System.getProperty("fulcrum.service.script", "../fulcrum-service"))
            .toAbsolutePath();
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(List.of("bash", script.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("FULCRUM_DATA", dataDirectory.toAbsolutePath().toString());
    env.put("FULCRUM_PORT", Integer.toString(port));
    env.put("FULCRUM_MODE", "demo");
    env.put("FULCRUM_REQUEST_LOG", "false");
    env.put(
        "FULCRUM_SERVICE_JAVA_OPTS",
        System.getProperty("fulcrum.it.jvm", "-Xms256m -Xmx1g -Xss4m"));
    env.putAll(environment);
    ServiceProcess service = new ServiceProcess(builder.start(), log, port);
    service.awaitReady();
    return service;
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  /** SIGKILL, then waits until the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** The last part of the service's output, for failure messages. */
  String logTail() {
    try {
      String all = Files.readString(log, StandardCharsets.UTF_8);
      return all.substring(Math.max(0, all.length() - 6000));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private void awaitReady() throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(base().resolve("health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the service exited with "
                + process.exitValue()
                + " before it was ready:\n"
                + logTail());
      }
      try {
        // Payara answers UP before the WAR is deployed (no checks yet), and the WAR's own check
        // answers before Payara has finished loading the web module (requests then get 404 for a
        // few seconds): ready is the service's check UP after Payara has logged that it is ready.
        HttpResponse<String> r = http.send(ready, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"fulcrum\"") && payaraReady()) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    kill();
    throw new IllegalStateException(
        "the service was not ready within " + READY_TIMEOUT + ":\n" + logTail());
  }

  private boolean payaraReady() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8).contains(") ready in ");
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

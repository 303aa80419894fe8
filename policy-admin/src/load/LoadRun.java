import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load on POST /api/v1/decisions of a running service on this machine: C clients each
 * send the next request as soon as the previous answered, for a fixed number of requests after a
 * warm-up. Prints throughput and latency percentiles. Loopback only; bounded in count and time.
 *
 * <pre>java policy-admin/src/load/LoadRun.java [url] [clients] [requests] [warmup] [request.json]</pre>
 */
public class LoadRun {

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080/");
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int requests = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
    Path body = Path.of(args.length > 4 ? args[4] : "policy-admin/src/test/resources/requests/btc-isolated-long.json");
    String host = base.getHost();
    if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("[::1]")) {
      throw new IllegalArgumentException("load runs target this machine only (127.0.0.1), not " + host);
    }
    String template = Files.readString(body, StandardCharsets.UTF_8);
    String auth = "Basic " + Base64.getEncoder().encodeToString(
        System.getProperty("fulcrum.user", "decider:decider-demo").getBytes(StandardCharsets.UTF_8));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    URI target = base.resolve("api/v1/decisions");

    System.out.printf(Locale.ROOT, "warm-up: %d requests, %d clients%n", warmup, clients);
    run(http, target, auth, template, clients, warmup, "warm");
    System.out.printf(Locale.ROOT, "measured: %d requests, %d clients%n", requests, clients);
    Result r = run(http, target, auth, template, clients, requests, "load");
    long[] l = r.latenciesNanos;
    Arrays.sort(l);
    System.out.printf(Locale.ROOT,
        "throughput %.0f decisions/s; latency ms p50 %.2f p90 %.2f p99 %.2f max %.2f; errors %d%n",
        requests / r.seconds, pct(l, 50), pct(l, 90), pct(l, 99), l[l.length - 1] / 1e6, r.errors);
  }

  record Result(long[] latenciesNanos, double seconds, long errors) {}

  static Result run(HttpClient http, URI target, String auth, String template, int clients, int count, String tag)
      throws Exception {
    long[] latencies = new long[count];
    AtomicInteger next = new AtomicInteger();
    AtomicLong errors = new AtomicLong();
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      futures.add(pool.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
          String json = template.replaceFirst("\"id\"\\s*:\\s*\"[^\"]*\"", "\"id\": \"" + tag + "-" + (i % 1000) + "\"");
          HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json").header("Authorization", auth)
              .POST(HttpRequest.BodyPublishers.ofString(json)).build();
          long t0 = System.nanoTime();
          try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201 && errors.incrementAndGet() == 1) {
              System.out.println("first error: " + response.statusCode() + " " + response.body());
            }
          } catch (IOException e) {
            if (errors.incrementAndGet() == 1) {
              System.out.println("first error: " + e);
            }
          }
          latencies[i] = System.nanoTime() - t0;
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return new Result(latencies, seconds, errors.get());
  }

  static double pct(long[] sorted, double p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}

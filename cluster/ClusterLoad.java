import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cluster test's load (cluster/cluster-test.sh): C clients post decisions through the balancer
 * for S seconds (127.0.0.1 only), each request with its own Idempotency-Key. A request that fails
 * (connection reset by a member killed mid-request, 502/503 from the balancer, 503 from a member)
 * is sent again with the same key, up to 8 times: the stored decision comes back if the first
 * attempt was stored. Every acknowledged decision (201, or 200 replayed) is written to the output
 * file, one line each: {@code key id sequence policyVersion createdAt httpStatus}, for the script
 * to compare with the database. One summary line on standard output.
 *
 * <pre>
 * java cluster/ClusterLoad.java url=http://127.0.0.1:8140/ clients=8 seconds=25 \
 *     body=policy-admin/src/test/resources/requests/btc-isolated-long.json out=acked.tsv tag=run1
 * </pre>
 */
public class ClusterLoad {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern SEQUENCE = Pattern.compile("\"sequence\"\\s*:\\s*(\\d+)");
  private static final Pattern CREATED = Pattern.compile("\"createdAt\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern VERSION =
      Pattern.compile("\"policy\"\\s*:\\s*\\{[^}]*\"version\"\\s*:\\s*\"([^\"]+)\"");

  public static void main(String[] argv) throws Exception {
    Map<String, String> a = new LinkedHashMap<>();
    for (String s : argv) {
      int eq = s.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("arguments are key=value, not " + s);
      }
      a.put(s.substring(0, eq), s.substring(eq + 1));
    }
    URI base = URI.create(a.getOrDefault("url", "http://127.0.0.1:8140/"));
    if (!"127.0.0.1".equals(base.getHost())) {
      throw new IllegalArgumentException("127.0.0.1 only, not " + base.getHost());
    }
    int clients = Integer.parseInt(a.getOrDefault("clients", "8"));
    long seconds = Long.parseLong(a.getOrDefault("seconds", "25"));
    String tag = a.getOrDefault("tag", "cl");
    String template =
        Files.readString(
            Path.of(
                a.getOrDefault("body", "policy-admin/src/test/resources/requests/btc-isolated-long.json")),
            StandardCharsets.UTF_8);
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    a.getOrDefault("user", "decider:decider-demo").getBytes(StandardCharsets.UTF_8));
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    URI decisions = base.resolve("api/v1/decisions");
    List<String> acked = Collections.synchronizedList(new ArrayList<>());
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicLong retries = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong unavailable = new AtomicLong();
    Map<String, AtomicLong> causes = new java.util.concurrent.ConcurrentHashMap<>();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      Thread t =
          new Thread(
              () -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                  String key = tag + "-" + client + "-" + i;
                  String body =
                      template.replaceFirst(
                          "\"id\"\\s*:\\s*\"[^\"]*\"",
                          "\"id\": \"" + tag + "-acct-" + ((client * 7919 + i) % 500) + "\"");
                  HttpRequest request =
                      HttpRequest.newBuilder(decisions)
                          .timeout(Duration.ofSeconds(60))
                          .header("Content-Type", "application/json")
                          .header("Accept", "application/json")
                          .header("Authorization", auth)
                          .header("Idempotency-Key", key)
                          .POST(HttpRequest.BodyPublishers.ofString(body))
                          .build();
                  long t0 = System.nanoTime();
                  boolean done = false;
                  for (int attempt = 0; attempt < 8 && !done; attempt++) {
                    if (attempt > 0) {
                      retries.incrementAndGet();
                      sleep(250L * attempt);
                    }
                    try {
                      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                      if (r.statusCode() == 201 || r.statusCode() == 200) {
                        String json = r.body();
                        acked.add(
                            key
                                + "\t"
                                + group(ID, json)
                                + "\t"
                                + group(SEQUENCE, json)
                                + "\t"
                                + group(VERSION, json)
                                + "\t"
                                + group(CREATED, json)
                                + "\t"
                                + r.statusCode());
                        latencies.add(System.nanoTime() - t0);
                        done = true;
                      } else {
                        if (r.statusCode() == 503) {
                          unavailable.incrementAndGet();
                        }
                        causes
                            .computeIfAbsent("http " + r.statusCode(), k -> new AtomicLong())
                            .incrementAndGet();
                        if (r.statusCode() < 500) {
                          System.err.println("refused " + key + ": " + r.statusCode() + " " + r.body());
                          break;
                        }
                      }
                    } catch (IOException e) {
                      causes
                          .computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong())
                          .incrementAndGet();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return;
                    }
                  }
                  if (!done) {
                    failed.incrementAndGet();
                  }
                }
              });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join(Duration.ofSeconds(seconds + 600).toMillis());
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(a.getOrDefault("out", "acked.tsv"))))) {
      synchronized (acked) {
        acked.forEach(w::println);
      }
    }
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.println(
        String.format(
            Locale.ROOT,
            "clusterload clients=%d seconds=%.1f acknowledged=%d throughput=%.1f/s p50=%.1fms p99=%.1fms"
                + " max=%.1fms retries=%d unavailable503=%d gave_up=%d errors=%s",
            clients,
            elapsed,
            sorted.size(),
            sorted.size() / elapsed,
            pct(sorted, 50),
            pct(sorted, 99),
            sorted.isEmpty() ? 0.0 : sorted.get(sorted.size() - 1) / 1e6,
            retries.get(),
            unavailable.get(),
            failed.get(),
            causes));
    System.exit(failed.get() == 0 ? 0 : 1);
  }

  private static double pct(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
  }

  private static String group(Pattern p, String s) {
    Matcher m = p.matcher(s);
    return m.find() ? m.group(1) : "-";
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Load on a running Fulcrum service on this machine (127.0.0.1 only), bounded in count and time,
 * latency in HdrHistogram (1 µs to 60 s, 3 significant digits). Two models:
 *
 * <ul>
 *   <li><b>closed</b>: C connections, each sends its next request as soon as the previous answered
 *       (throughput: what the service sustains; the latency is per request as sent).
 *   <li><b>open</b>: requests are due at a fixed arrival rate R (request i at start + i/R), whatever
 *       the service's answers do; latency runs from the <em>intended</em> send time, so a stall is
 *       charged to every request that should have been sent during it (no coordinated omission, as
 *       in wrk2 and Gatling's open injection). C connections carry them; when all are busy the
 *       next request waits in the client and that wait is in its latency. The service time (from
 *       the actual send) is reported beside it.
 * </ul>
 *
 * <p>Why this tool rather than Gatling or wrk: Gatling and its Maven plugin are not served by this
 * build's Maven repository (offline, see /work/.library/env/packages/maven-partial.tsv), Debian's
 * wrk is closed-loop only (its Lua {@code delay()} spaces requests per connection but measures from
 * the actual send, so it keeps coordinated omission), and wrk2 is not packaged. HdrHistogram 2.2.2
 * (Maven Central) gives the percentiles; the HTTP/1.1 client is a plain keep-alive socket per
 * connection, so the generator spends little CPU on the 2 cores it shares with the service (the
 * JDK HttpClient used before cost about as much CPU per request as the service's no-op endpoint).
 *
 * <p>One line per run, {@code key=value}, with the load average (1, 5, 15 min) read before and
 * after it:
 *
 * <pre>
 * java -cp HdrHistogram-2.2.2.jar policy-admin/src/load/LoadRun.java \
 *     url=http://127.0.0.1:18100/ endpoint=decisions|me model=closed|open connections=8 \
 *     rate=2000 requests=10000 warmup=2000 seconds=120 body=request.json user=decider:decider-demo
 * </pre>
 *
 * Endpoint {@code decisions} is POST /api/v1/decisions (expects 201; the account id cycles over
 * 1,000 names); {@code me} is GET /api/v1/me (expects 200): the same authentication and HTTP
 * stack with no work behind it, the ceiling a decision is measured against. Exit status 1 when any
 * request failed or the run hit its time bound.
 */
public class LoadRun {

  public static void main(String[] argv) throws Exception {
    Map<String, String> a = new LinkedHashMap<>();
    for (String s : argv) {
      int eq = s.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("arguments are key=value, not " + s);
      }
      a.put(s.substring(0, eq), s.substring(eq + 1));
    }
    URI base = URI.create(a.getOrDefault("url", "http://127.0.0.1:8080/"));
    if (!base.getHost().equals("127.0.0.1")) {
      throw new IllegalArgumentException("load runs target 127.0.0.1 only, not " + base.getHost());
    }
    String endpoint = a.getOrDefault("endpoint", "decisions");
    String model = a.getOrDefault("model", "closed");
    int connections = Integer.parseInt(a.getOrDefault("connections", "8"));
    int requests = Integer.parseInt(a.getOrDefault("requests", "5000"));
    int warmup = Integer.parseInt(a.getOrDefault("warmup", "0"));
    double rate = Double.parseDouble(a.getOrDefault("rate", "0"));
    long seconds = Long.parseLong(a.getOrDefault("seconds", "120"));
    String tag = a.getOrDefault("tag", model + "-" + endpoint);
    if (!endpoint.equals("decisions") && !endpoint.equals("me")) {
      throw new IllegalArgumentException("endpoint must be decisions or me, not " + endpoint);
    }
    if (model.equals("open") && rate <= 0) {
      throw new IllegalArgumentException("model=open needs rate=<requests per second> > 0");
    }
    if (!model.equals("open") && !model.equals("closed")) {
      throw new IllegalArgumentException("model must be closed or open, not " + model);
    }
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    a.getOrDefault("user", "decider:decider-demo")
                        .getBytes(StandardCharsets.UTF_8));
    String template =
        endpoint.equals("decisions")
            ? Files.readString(
                Path.of(
                    a.getOrDefault(
                        "body", "policy-admin/src/test/resources/requests/btc-isolated-long.json")),
                StandardCharsets.UTF_8)
            : null;
    Target target = new Target(base, endpoint, auth, template);
    if (warmup > 0) {
      run(target, "closed", connections, warmup, 0, seconds, "warm");
    }
    Outcome o = run(target, model, connections, requests, rate, seconds, tag);
    System.out.println(o.line(endpoint, model, connections, rate));
    System.exit(o.errors == 0 && !o.timedOut ? 0 : 1);
  }

  /** What to send: the request bytes for request number i. */
  record Target(URI base, String endpoint, String auth, String template) {
    byte[] request(String tag, int i) {
      String host = base.getHost() + ":" + base.getPort();
      String head;
      byte[] body = new byte[0];
      if (endpoint.equals("me")) {
        head = "GET " + base.getPath() + "api/v1/me HTTP/1.1\r\n";
      } else {
        body =
            template
                .replaceFirst(
                    "\"id\"\\s*:\\s*\"[^\"]*\"", "\"id\": \"" + tag + "-" + (i % 1000) + "\"")
                .getBytes(StandardCharsets.UTF_8);
        head =
            "POST "
                + base.getPath()
                + "api/v1/decisions HTTP/1.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: "
                + body.length
                + "\r\n";
      }
      byte[] h =
          (head + "Host: " + host + "\r\nAuthorization: " + auth + "\r\nAccept: application/json\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      byte[] out = new byte[h.length + body.length];
      System.arraycopy(h, 0, out, 0, h.length);
      System.arraycopy(body, 0, out, h.length, body.length);
      return out;
    }

    int expectedStatus() {
      return endpoint.equals("me") ? 200 : 201;
    }
  }

  static final class Outcome {
    final Histogram latency = new Histogram(1_000L, 60_000_000_000L, 3);
    final Histogram service = new Histogram(1_000L, 60_000_000_000L, 3);
    long ok;
    long errors;
    String firstError;
    boolean timedOut;
    double seconds;
    String loadBefore;
    String loadAfter;

    synchronized void add(Outcome w) {
      latency.add(w.latency);
      service.add(w.service);
      ok += w.ok;
      errors += w.errors;
      if (firstError == null) {
        firstError = w.firstError;
      }
    }

    String line(String endpoint, String model, int connections, double rate) {
      StringBuilder s = new StringBuilder();
      s.append(
          String.format(
              Locale.ROOT,
              "loadrun endpoint=%s model=%s connections=%d%s ok=%d errors=%d seconds=%.1f"
                  + " throughput=%.0f/s latency_ms p50=%.2f p90=%.2f p99=%.2f p99.9=%.2f max=%.2f",
              endpoint,
              model,
              connections,
              model.equals("open") ? String.format(Locale.ROOT, " rate=%.0f/s", rate) : "",
              ok,
              errors,
              seconds,
              ok / seconds,
              ms(latency, 50),
              ms(latency, 90),
              ms(latency, 99),
              ms(latency, 99.9),
              latency.getMaxValue() / 1e6));
      if (model.equals("open")) {
        s.append(
            String.format(
                Locale.ROOT,
                " service_ms p50=%.2f p99=%.2f",
                ms(service, 50),
                ms(service, 99)));
      }
      s.append(" loadavg_before=").append(loadBefore).append(" loadavg_after=").append(loadAfter);
      if (timedOut) {
        s.append(" TIMED-OUT");
      }
      if (firstError != null) {
        s.append(" first_error=\"").append(firstError.replace('"', '\'')).append('"');
      }
      return s.toString();
    }

    private static double ms(Histogram h, double percentile) {
      return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1e6;
    }
  }

  static Outcome run(
      Target target, String model, int connections, int count, double rate, long seconds, String tag)
      throws Exception {
    Outcome total = new Outcome();
    total.loadBefore = loadAverage();
    AtomicInteger next = new AtomicInteger();
    AtomicLong lastEnd = new AtomicLong();
    boolean open = model.equals("open");
    double intervalNanos = open ? 1e9 / rate : 0;
    long start = System.nanoTime() + 20_000_000L; // every connection is open by then
    long deadline = start + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    boolean[] timedOut = new boolean[1];
    for (int c = 0; c < connections; c++) {
      Thread t =
          new Thread(
              () -> {
                Outcome mine = new Outcome();
                Connection conn = null;
                try {
                  int i;
                  while ((i = next.getAndIncrement()) < count) {
                    byte[] request = target.request(tag, i);
                    long intended = open ? start + (long) (i * intervalNanos) : 0;
                    long now;
                    while ((now = System.nanoTime()) < intended) {
                      LockSupport.parkNanos(intended - now);
                    }
                    if (now > deadline) {
                      timedOut[0] = true;
                      break;
                    }
                    long sent = System.nanoTime();
                    int status;
                    String problem = null;
                    try {
                      if (conn == null) {
                        conn = new Connection(target.base());
                      }
                      status = conn.exchange(request);
                      if (conn.closed) {
                        conn = close(conn);
                      }
                    } catch (IOException e) {
                      status = -1;
                      problem = e.toString();
                      conn = close(conn);
                    }
                    long end = System.nanoTime();
                    lastEnd.accumulateAndGet(end, Math::max);
                    mine.latency.recordValue(Math.max(1_000L, end - (open ? intended : sent)));
                    mine.service.recordValue(Math.max(1_000L, end - sent));
                    if (status == target.expectedStatus()) {
                      mine.ok++;
                    } else {
                      mine.errors++;
                      if (mine.firstError == null) {
                        mine.firstError =
                            problem != null
                                ? problem
                                : status + " " + (conn == null ? "(closed)" : conn.lastBody());
                      }
                    }
                  }
                } finally {
                  close(conn);
                  total.add(mine);
                }
              },
              "load-" + c);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    total.seconds = Math.max(1e-9, (lastEnd.get() - start) / 1e9);
    total.timedOut = timedOut[0];
    total.loadAfter = loadAverage();
    return total;
  }

  private static Connection close(Connection c) {
    if (c != null) {
      try {
        c.socket.close();
      } catch (IOException ignored) {
        // closing after a failure: nothing more to learn
      }
    }
    return null;
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + "/" + f[1] + "/" + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** One HTTP/1.1 keep-alive connection; reads Content-Length and chunked bodies. */
  static final class Connection {
    final Socket socket;
    final OutputStream out;
    final InputStream in;
    private byte[] body = new byte[0];
    boolean closed;

    Connection(URI base) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(30_000);
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
      out = new BufferedOutputStream(socket.getOutputStream(), 16_384);
      in = new BufferedInputStream(socket.getInputStream(), 65_536);
    }

    int exchange(byte[] request) throws IOException {
      out.write(request);
      out.flush();
      String status = line();
      if (!status.startsWith("HTTP/1.1 ")) {
        throw new IOException("not an HTTP/1.1 answer: " + status);
      }
      int code = Integer.parseInt(status.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      boolean closes = false;
      for (String h = line(); !h.isEmpty(); h = line()) {
        String lower = h.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Long.parseLong(lower.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          closes = true;
        }
      }
      if (chunked) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (long size = Long.parseLong(line().split(";")[0].trim(), 16);
            size > 0;
            size = Long.parseLong(line().split(";")[0].trim(), 16)) {
          all.write(in.readNBytes((int) size));
          line();
        }
        while (!line().isEmpty()) {
          // trailers
        }
        body = all.toByteArray();
      } else if (length >= 0) {
        body = in.readNBytes((int) length);
        if (body.length != length) {
          throw new IOException("connection closed inside a body");
        }
      } else {
        throw new IOException("an answer without Content-Length or chunked encoding");
      }
      closed = closes;
      return code;
    }

    String lastBody() {
      String s = new String(body, StandardCharsets.UTF_8);
      return s.length() > 300 ? s.substring(0, 300) : s;
    }

    private String line() throws IOException {
      StringBuilder s = new StringBuilder();
      int c;
      while ((c = in.read()) != '\n') {
        if (c < 0) {
          throw new IOException("connection closed by the service");
        }
        if (c != '\r') {
          s.append((char) c);
        }
      }
      return s.toString();
    }
  }
}

package io.fulcrum.admin.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.fulcrum.admin.it.ServiceClient.Reply;
import io.fulcrum.engine.backtest.Backtest;
import io.fulcrum.engine.backtest.BacktestPortfolio;
import io.fulcrum.engine.backtest.BacktestResult;
import io.fulcrum.engine.backtest.BacktestSpec;
import io.fulcrum.engine.backtest.Breach;
import io.fulcrum.engine.backtest.DataStamp;
import io.fulcrum.engine.backtest.MeasureMarginModel;
import io.fulcrum.engine.backtest.PricePanel;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.market.MarketDataSet;
import io.fulcrum.engine.market.PriceHistory;
import io.fulcrum.engine.measure.RiskMeasures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Continuous calibration (issue #19) over HTTP on H2 ({@code MonitoringIT}) and PostgreSQL ({@code
 * MonitoringPostgresIT}): the shipped BTC history up to 2020-12-31 is loaded as data set
 * btc-monitor, then 2021-01-01 .. 2021-07-31 is appended one day at a time on the test clock, while
 * the service monitors a 1 BTC long under two test bundles: hvar-99 (99% historical VaR, 250-day
 * lookback, 1-day horizon) and hvar-975 (the thinner 97.5% one). The expected margins, breaches and
 * traffic-light zones are computed here from the CSV directly (own quantile and binomial code, not
 * the engine's); the statistics are compared with the engine's own batch backtest.
 */
abstract class MonitoringContract {

  static final String AUTHOR = "author:author-demo";
  static final String APPROVER = "approver:approver-demo";
  static final String AUDITOR = ServiceClient.AUDITOR;
  static final Path CSV = Path.of("..", "test-scenarios", "data", "btc-usd-daily.csv");
  static final LocalDate LOADED_TO = LocalDate.of(2020, 12, 31);
  static final LocalDate APPENDED_TO = LocalDate.of(2021, 7, 31);
  static final int WINDOW = 250;
  static final int LOOKBACK = 250;
  static final int WEBHOOK_PORT = 8181;

  @ArquillianResource URL deployed;

  ServiceClient client;

  static WebArchive war() {
    return DecisionServiceContract.builtWar()
        .addClasses(ClockResource.class, WebhookResource.class);
  }

  @BeforeEach
  void connect() {
    client = new ServiceClient(deployed);
  }

  /** The shipped closes (date, close text) in file order; rows without a close skipped. */
  static List<String[]> shippedRows() throws IOException {
    List<String[]> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(CSV, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      if (f.length > 4 && !f[4].isBlank() && !f[4].equals("null")) {
        rows.add(new String[] {f[0].substring(0, 10), f[4]});
      }
    }
    return rows;
  }

  @Test
  void dailyObservations_monitoredAgainstAnIndependentComputation_alertsOnce_proposalNeedsApproval()
      throws Exception {
    List<String[]> all = shippedRows();
    List<String[]> loaded =
        all.stream().filter(r -> !LocalDate.parse(r[0]).isAfter(LOADED_TO)).toList();
    List<String[]> appended =
        all.stream()
            .filter(
                r ->
                    LocalDate.parse(r[0]).isAfter(LOADED_TO)
                        && !LocalDate.parse(r[0]).isAfter(APPENDED_TO))
            .toList();
    assertThat(appended).hasSize(212);

    List<JsonNode> received = new CopyOnWriteArrayList<>();
    HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", WEBHOOK_PORT), 0);
    webhook.createContext(
        "/hook",
        exchange -> {
          received.add(Json.mapper().readTree(exchange.getRequestBody().readAllBytes()));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    webhook.start();
    try {
      client.post(
          "api/v1/test-support/monitoring-webhook?url=http://127.0.0.1:" + WEBHOOK_PORT + "/hook",
          null,
          "");
      String activeBefore =
          client.get("api/v1/policies/active", AUDITOR).json().get("active").asText();

      // The history up to 2020-12-31 creates the set (its first version).
      Reply created = csv("api/v1/market-data/btc-monitor?asset=BTC&maxGapDays=1", loaded);
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      assertThat(created.json().get("lastDay").asText()).isEqualTo("2020-12-31");

      for (String id : List.of("hvar-99", "hvar-975")) {
        Reply up =
            client.send(
                "POST",
                "api/v1/policies/" + id + "/versions",
                AUTHOR,
                "application/zip",
                PolicyGovernanceContract.zip(bundle(id)));
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        Reply approved =
            client.post(
                "api/v1/policies/" + id + "/versions/1/approve",
                APPROVER,
                "{\"comment\":\"monitoring test\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
      }
      client.post("api/v1/monitoring/run", AUTHOR, "");
      awaitLatest("hvar-99", "2020-12-30");
      awaitLatest("hvar-975", "2020-12-30");
      JsonNode before = client.get("api/v1/monitoring/hvar-99", AUDITOR).json();
      assertThat(before.get("results")).hasSize(WINDOW);

      // Bad data: refused with the row, nothing stored, monitoring unchanged.
      int versionsBefore = client.get("api/v1/market-data/btc-monitor", AUDITOR).json().size();
      assertRefused("date,close\n2020-12-31,29001.72", "line 2", "duplicate day");
      assertRefused("date,close\n2021-01-01,-5", "line 2", "must be a positive number");
      assertRefused("date,close\n2021-01-10,40000", "line 2", "by 10 days");
      assertRefused("date,close\n2021-01-01", "line 2", "malformed row");
      assertRefused("date,close\n2021-01-01,abc", "line 2", "not a number");
      assertRefused("date,close\n2021-01-01,29374.15\n2021-01-02,-1", "line 3", "positive");
      assertThat(client.get("api/v1/market-data/btc-monitor", AUDITOR).json().size())
          .isEqualTo(versionsBefore);
      client.post("api/v1/monitoring/run", AUTHOR, "");
      assertThat(client.get("api/v1/monitoring/hvar-99", AUDITOR).json().get("results"))
          .isEqualTo(before.get("results"));

      // One day at a time on the test clock.
      for (String[] row : appended) {
        client.post("api/v1/test-support/clock?by=P1D", null, "");
        Reply r = csv("api/v1/market-data/btc-monitor", List.<String[]>of(row));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
      }
      awaitLatest("hvar-99", "2021-07-30");
      awaitLatest("hvar-975", "2021-07-30");

      double[] closes =
          all.stream()
              .filter(r -> !LocalDate.parse(r[0]).isAfter(APPENDED_TO))
              .mapToDouble(r -> Double.parseDouble(r[1]))
              .toArray();
      List<LocalDate> dates =
          all.stream()
              .map(r -> LocalDate.parse(r[0]))
              .filter(d -> !d.isAfter(APPENDED_TO))
              .toList();
      List<String> expectedAlerts = new ArrayList<>();
      List<String> zoneChangesSeen = new ArrayList<>();
      for (String id : List.of("hvar-99", "hvar-975")) {
        double alpha = id.equals("hvar-99") ? 0.99 : 0.975;
        JsonNode m = client.get("api/v1/monitoring/" + id, AUDITOR).json();
        assertThat(m.get("policy").asText()).isEqualTo(id + "@1");
        JsonNode results = m.get("results");
        Independent ind = Independent.of(dates, closes, alpha, results.get(0).get("day").asText());
        // margins and breaches day by day, rolling counts and zones
        assertThat(results).hasSize(ind.days.size());
        for (int i = 0; i < results.size(); i++) {
          JsonNode r = results.get(i);
          assertThat(r.get("day").asText()).isEqualTo(ind.days.get(i).toString());
          assertThat(r.get("margin").asDouble())
              .as(id + " margin " + r.get("day"))
              .isCloseTo(ind.margins[i], org.assertj.core.data.Offset.offset(1e-6));
          assertThat(r.get("breach").asBoolean())
              .as(id + " breach " + r.get("day"))
              .isEqualTo(ind.breaches[i]);
          assertThat(r.get("windowBreaches").asInt())
              .as(id + " count " + r.get("day"))
              .isEqualTo(ind.counts[i]);
          assertThat(r.get("zone").asText())
              .as(id + " zone " + r.get("day"))
              .isEqualTo(ind.zones[i]);
        }
        // zone changes on the live days (after the backfill that ends 2020-12-30)
        List<String> expected = new ArrayList<>();
        for (int i = 1; i < ind.days.size(); i++) {
          boolean live = ind.days.get(i).isAfter(LOADED_TO.minusDays(1));
          if (live && !ind.zones[i].equals(ind.zones[i - 1])) {
            expected.add(ind.days.get(i) + " " + ind.zones[i - 1] + "->" + ind.zones[i]);
            expectedAlerts.add(id + "@1 " + ind.days.get(i) + " ZONE_CHANGE");
          }
          if (live && ind.breaches[i]) {
            expectedAlerts.add(id + "@1 " + ind.days.get(i) + " BREACH");
          }
        }
        List<String> actual = new ArrayList<>();
        for (JsonNode c : m.get("zoneChanges")) {
          if (!LocalDate.parse(c.get("day").asText()).isBefore(LOADED_TO)) {
            actual.add(
                c.get("day").asText() + " " + c.get("from").asText() + "->" + c.get("to").asText());
          }
        }
        assertThat(actual).as(id + " zone changes").isEqualTo(expected);
        zoneChangesSeen.addAll(expected.stream().map(e -> id + " " + e).toList());

        // the same days through the engine's batch backtest: same breaches, same statistics
        JsonNode latest = m.get("latest");
        BacktestResult engine =
            engineBacktest(
                dates,
                closes,
                alpha,
                LocalDate.parse(results.get(results.size() - WINDOW).get("day").asText()),
                LocalDate.parse(latest.get("day").asText()));
        List<String> serviceBreaches = new ArrayList<>();
        for (int i = results.size() - WINDOW; i < results.size(); i++) {
          if (results.get(i).get("breach").asBoolean()) {
            serviceBreaches.add(results.get(i).get("day").asText());
          }
        }
        assertThat(engine.breaches().stream().map(Breach::date).map(LocalDate::toString).toList())
            .isEqualTo(serviceBreaches);
        assertThat(latest.get("windowBreaches").asInt())
            .isEqualTo(engine.tests().trafficLight().breaches());
        assertThat(latest.get("zone").asText())
            .isEqualTo(engine.tests().trafficLight().zone().name());
        assertThat(latest.get("kupiecStatistic").asDouble())
            .isEqualTo(engine.tests().kupiec().statistic());
        assertThat(latest.get("kupiecP").asDouble()).isEqualTo(engine.tests().kupiec().pValue());
        assertThat(latest.get("independenceStatistic").asDouble())
            .isEqualTo(engine.tests().independence().statistic());
        assertThat(latest.get("conditionalStatistic").asDouble())
            .isEqualTo(engine.tests().conditionalCoverage().statistic());
        assertThat(latest.get("largestOneDayIncrease").asDouble())
            .isEqualTo(engine.procyclicality().largestOneDayIncrease().amount());
      }
      System.out.println("monitoring IT: zone changes " + zoneChangesSeen);
      assertThat(zoneChangesSeen)
          .as("the May 2021 sell-off changes a zone")
          .anyMatch(c -> c.contains(" 2021-05-"));

      // health: degraded while a monitored version (still version 1 of each) is red
      String health = client.get("health/ready", null).body().replaceAll("\\s", "");
      boolean red =
          Stream.of("hvar-99", "hvar-975")
              .anyMatch(
                  id ->
                      client
                          .get("api/v1/monitoring/" + id, AUDITOR)
                          .json()
                          .get("latest")
                          .get("zone")
                          .asText()
                          .equals("RED"));
      assertThat(health).contains(red ? "degraded:redtrafficlightfor" : "\"monitoring\":\"ok\"");
      // each alert once (webhook), in the audited event log
      awaitTrue(() -> received.size() >= expectedAlerts.size(), "webhook deliveries");
      Thread.sleep(2000);
      List<String> got =
          received.stream()
              .map(
                  j ->
                      j.get("policy").asText()
                          + " "
                          + j.get("day").asText()
                          + " "
                          + j.get("kind").asText())
              .sorted()
              .toList();
      assertThat(got).isEqualTo(expectedAlerts.stream().sorted().toList());
      JsonNode events = client.get("api/v1/policies/events?action=ALERT&size=200", AUDITOR).json();
      assertThat(events.get("total").asInt()).isEqualTo(expectedAlerts.size());

      // a proposal for each variant whose zone worsened: a new version by "monitor", with its
      // calibration report as evidence, not active; approving it does not activate it either
      String worsened =
          zoneChangesSeen.stream()
              .filter(c -> c.endsWith("GREEN->YELLOW") || c.endsWith("->RED"))
              .map(c -> c.split(" ")[0])
              .findFirst()
              .orElseThrow();
      try {
        awaitTrue(
            () ->
                client.get("api/v1/policies/" + worsened + "/versions", AUDITOR).json().size() >= 2,
            "a proposal of " + worsened);
      } catch (AssertionError e) {
        throw new AssertionError(
            e.getMessage()
                + "; alerts: "
                + client.get("api/v1/monitoring/" + worsened, AUDITOR).json().get("alerts"),
            e);
      }
      JsonNode v2 = client.get("api/v1/policies/" + worsened + "/versions/2", AUDITOR).json();
      assertThat(v2.get("author").asText()).isEqualTo("monitor");
      assertThat(v2.get("state").asText()).isIn("DRAFT", "VALIDATED");
      Reply evidence =
          client.get(
              "api/v1/policies/" + worsened + "/versions/2/files/evidence/calibration-report.json",
              AUDITOR);
      assertThat(evidence.status()).isEqualTo(200);
      assertThat(evidence.body())
          .contains("\"winner\"")
          .contains("\"candidates\"")
          .contains("btc-monitor");
      assertThat(client.get("api/v1/policies/active", AUDITOR).json().get("active").asText())
          .isEqualTo(activeBefore);
      assertThat(client.get("api/v1/monitoring/" + worsened, AUDITOR).json().get("policy").asText())
          .isEqualTo(worsened + "@1");
      if (v2.get("state").asText().equals("VALIDATED")) {
        Reply self =
            client.post(
                "api/v1/policies/" + worsened + "/versions/2/approve",
                AUTHOR,
                "{\"comment\":\"x\"}");
        assertThat(self.status()).isEqualTo(403);
        Reply ok =
            client.post(
                "api/v1/policies/" + worsened + "/versions/2/approve",
                APPROVER,
                "{\"comment\":\"reviewed\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(client.get("api/v1/policies/active", AUDITOR).json().get("active").asText())
            .isEqualTo(activeBefore);
      }

      // the data set's version hash is the CLI's content hash of the same closes
      JsonNode versions = client.get("api/v1/market-data/btc-monitor", AUDITOR).json();
      assertThat(versions).hasSize(1 + appended.size());
      assertThat(versions.get(versions.size() - 1).get("hash").asText())
          .isEqualTo(
              MarketDataSet.of(
                      "btc-monitor", "x", Map.of("BTC", new PriceHistory("BTC", dates, closes)))
                  .hash());

    } finally {
      webhook.stop(0);
    }
  }

  static BacktestResult engineBacktest(
      List<LocalDate> dates, double[] closes, double alpha, LocalDate from, LocalDate to) {
    MarketDataSet set =
        MarketDataSet.of(
            "btc-monitor", "engine", Map.of("BTC", new PriceHistory("BTC", dates, closes)));
    PricePanel panel = PricePanel.of(set, List.of("BTC"));
    MeasureMarginModel model =
        MeasureMarginModel.of(
            RiskMeasures.load(),
            Map.of(
                "measure",
                "historical-var",
                "confidence",
                Double.toString(alpha),
                "lookback",
                "250"));
    BacktestSpec spec =
        new BacktestSpec(
            new BacktestPortfolio(
                "btc-1-long", "USD", List.of(new BacktestPortfolio.Holding("BTC", 1))),
            model,
            1,
            alpha,
            from,
            to);
    return Backtest.run(panel, DataStamp.of(set, List.of()), spec);
  }

  /**
   * The expected series, computed from the closes alone: margin_t = the R-7 (Hyndman-Fan type 7)
   * alpha-quantile of the 250 scenario losses -P_t r_k, r_k = c_k / c_(k-1) - 1 for the 250 returns
   * ending on t; loss_t = P_t - P_(t+1); breach = loss &gt; margin; count = breaches in the last
   * 250 margin days (fewer at the start); zone from the binomial(n, 1 - alpha) cumulative
   * probability F(count): green &lt; 0.95 &lt;= yellow &lt; 0.9999 &lt;= red.
   */
  record Independent(
      List<LocalDate> days, double[] margins, boolean[] breaches, int[] counts, String[] zones) {
    static Independent of(List<LocalDate> dates, double[] c, double alpha, String firstDay) {
      int first = dates.indexOf(LocalDate.parse(firstDay));
      int last = c.length - 2;
      int n = last - first + 1;
      double[] m = new double[n];
      boolean[] b = new boolean[n];
      int[] counts = new int[n];
      String[] zones = new String[n];
      for (int i = 0; i < n; i++) {
        int t = first + i;
        double[] losses = new double[LOOKBACK];
        for (int k = 0; k < LOOKBACK; k++) {
          int j = t - LOOKBACK + 1 + k;
          losses[k] = -c[t] * (c[j] / c[j - 1] - 1);
        }
        Arrays.sort(losses);
        double h = (LOOKBACK - 1) * alpha + 1;
        int lo = (int) Math.floor(h);
        double q =
            lo >= LOOKBACK
                ? losses[LOOKBACK - 1]
                : losses[lo - 1] + (h - lo) * (losses[lo] - losses[lo - 1]);
        m[i] = Math.max(0, q);
        b[i] = c[t] - c[t + 1] > m[i];
        int count = 0;
        int window = Math.min(WINDOW, i + 1);
        for (int k = i - window + 1; k <= i; k++) {
          count += b[k] ? 1 : 0;
        }
        counts[i] = count;
        double f = binomialCdf(window, 1 - alpha, count);
        zones[i] = f < 0.95 ? "GREEN" : f < 0.9999 ? "YELLOW" : "RED";
      }
      return new Independent(dates.subList(first, last + 1), m, b, counts, zones);
    }

    static double binomialCdf(int n, double p, int x) {
      double sum = 0;
      for (int i = 0; i <= x; i++) {
        double logC = 0;
        for (int k = 1; k <= i; k++) {
          logC += Math.log(n - i + k) - Math.log(k);
        }
        sum += Math.exp(logC + i * Math.log(p) + (n - i) * Math.log1p(-p));
      }
      return sum;
    }
  }

  private Reply csv(String path, List<String[]> rows) {
    StringBuilder body = new StringBuilder("date,close\n");
    rows.forEach(r -> body.append(r[0]).append(',').append(r[1]).append('\n'));
    return client.send(
        "POST", path, AUTHOR, "text/csv", body.toString().getBytes(StandardCharsets.UTF_8));
  }

  private void assertRefused(String body, String line, String problem) {
    Reply r =
        client.send(
            "POST",
            "api/v1/market-data/btc-monitor",
            AUTHOR,
            "text/csv",
            body.getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).isEqualTo(line);
    assertThat(r.body()).contains(problem).contains("nothing stored");
  }

  private void awaitLatest(String policy, String day) {
    awaitTrue(
        () -> {
          Reply r = client.get("api/v1/monitoring/" + policy, AUDITOR);
          return r.status() == 200
              && !r.json().get("latest").isNull()
              && r.json().get("latest").get("day").asText().equals(day);
        },
        policy + " monitored up to " + day);
  }

  private static void awaitTrue(BooleanSupplier condition, String what) {
    long end = System.nanoTime() + 180_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out after 180 s waiting for " + what);
      }
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  static Map<String, byte[]> bundle(String id) {
    Path dir = Path.of("src", "test", "resources", "monitoring", id, "1");
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        files.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}

package io.fulcrum.admin.it;

import static io.fulcrum.admin.it.ServiceClient.AUDITOR;
import static io.fulcrum.admin.it.ServiceClient.DECIDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulcrum.admin.it.ServiceClient.Reply;
import io.fulcrum.engine.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * kill -9 under load, then restart on the same store: nothing the service acknowledged may be lost
 * or changed, no chain sequence may be handed out twice, the chain verifies, and the service takes
 * new decisions. The service runs as its own process ({@link ServiceProcess}); {@value #CLIENTS}
 * clients post decisions until the process is killed mid-load, and this is done {@link #kills()}
 * times on one store (the H2 2.2 file store was corrupted on the second kill). Run on the embedded
 * default ({@code CrashDurabilityIT}) and on PostgreSQL ({@code CrashDurabilityPostgresIT}).
 *
 * <p>Bounded: each load phase lasts at most {@link #MAX_LOAD}; each start at most ten minutes and
 * the whole test at most 35 (a hard stop for a saturated machine: on an idle 2-core machine a start
 * takes 20-40 s and the test about two minutes).
 */
abstract class CrashDurabilityContract {

  static final int CLIENTS = 4;

  /** Kill once this many decisions are acknowledged in a round and the load has run a while. */
  static final int MIN_ACKNOWLEDGED = 150;

  static final Duration MIN_LOAD = Duration.ofSeconds(2);
  static final Duration MAX_LOAD = Duration.ofSeconds(30);

  /** A decision the service answered 201 for: what a client may rely on from then on. */
  record Acknowledged(String id, long sequence, String response) {}

  /** Database name for directories and messages. */
  abstract String database();

  /** Environment selecting the database ({@code FULCRUM_DB_URL} etc.); empty for the default. */
  abstract Map<String, String> environment();

  /** Prepares an empty store for the test (the embedded one lives in the data directory). */
  void emptyStore() throws Exception {}

  int kills() {
    return Integer.getInteger("fulcrum.it.crash.kills", 2);
  }

  @Test
  @Timeout(value = 35, unit = TimeUnit.MINUTES)
  void killedUnderLoad_losesNoAcknowledgedDecision_reusesNoSequence_andKeepsTheChain()
      throws Exception {
    Path data = Path.of("target", "crash-" + database());
    deleteRecursively(data);
    Files.createDirectories(data);
    emptyStore();
    Map<String, Acknowledged> acknowledged = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    ServiceProcess service = start(data, 0);
    try {
      for (int round = 1; round <= kills(); round++) {
        List<Acknowledged> acked = loadUntilKilled(service, round);
        acked.forEach(a -> acknowledged.put(a.id(), a));
        long restartStarted = System.nanoTime();
        service = start(data, round);
        problems.addAll(
            checkAfterRestart(
                new ServiceClient(new URL(service.base().toString())),
                acknowledged,
                round,
                acked.size(),
                Duration.ofNanos(System.nanoTime() - restartStarted)));
      }
      assertThat(problems).as("after kill -9 on %s", database()).isEmpty();
    } finally {
      service.kill();
    }
  }

  private ServiceProcess start(Path data, int round) throws Exception {
    return ServiceProcess.start(
        data, environment(), data.resolve("service-" + round + ".log").toAbsolutePath());
  }

  /** Posts decisions from {@value #CLIENTS} clients and kills the service while they run. */
  private List<Acknowledged> loadUntilKilled(ServiceProcess service, int round) throws Exception {
    ServiceClient client = new ServiceClient(new URL(service.base().toString()));
    // One decision first: the first one of a fresh service compiles and warms up (seconds on a busy
    // machine); the load that follows is then steady when the kill comes.
    ConcurrentLinkedQueue<Acknowledged> acked = new ConcurrentLinkedQueue<>();
    Reply first =
        client.post(
            "api/v1/decisions",
            DECIDER,
            DecisionServiceContract.request("crash-" + database() + "-r" + round + "-first"));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    acked.add(acknowledged(first.json()));
    ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int c = 0; c < CLIENTS; c++) {
      String prefix = "crash-" + database() + "-r" + round + "-c" + c + "-";
      clients.submit(
          () -> {
            for (int n = 0; !killed.get(); n++) {
              Reply r;
              try {
                r =
                    client.post(
                        "api/v1/decisions", DECIDER, DecisionServiceContract.request(prefix + n));
              } catch (UncheckedIOException gone) {
                return; // killed: the outcome of this request is unknown, and it was never
                // acknowledged
              }
              if (r.status() == 201) {
                JsonNode body = r.json();
                acked.add(
                    new Acknowledged(
                        body.get("id").asText(),
                        body.get("sequence").asLong(),
                        Json.canonical(body)));
              } else {
                refused.add(r.status() + " " + r.body());
              }
            }
          });
    }
    long started = System.nanoTime();
    while (System.nanoTime() - started < MAX_LOAD.toNanos()
        && (acked.size() < MIN_ACKNOWLEDGED || System.nanoTime() - started < MIN_LOAD.toNanos())) {
      Thread.sleep(50);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    service.kill();
    killed.set(true);
    System.out.printf(
        Locale.ROOT,
        "crash-durability %s round %d: %d decisions acknowledged in %.1f s (%.0f/s) before kill -9%n",
        database(),
        round,
        acked.size(),
        seconds,
        acked.size() / seconds);
    clients.shutdown();
    assertThat(clients.awaitTermination(70, TimeUnit.SECONDS)).as("clients stopped").isTrue();
    assertThat(refused).as("requests refused before the kill").isEmpty();
    assertThat(acked).as("decisions acknowledged before the kill").isNotEmpty();
    return new ArrayList<>(acked);
  }

  private static Acknowledged acknowledged(JsonNode body) {
    return new Acknowledged(
        body.get("id").asText(), body.get("sequence").asLong(), Json.canonical(body));
  }

  /** Every acknowledged decision as it was answered; a new decision after them; chain intact. */
  private List<String> checkAfterRestart(
      ServiceClient client,
      Map<String, Acknowledged> acknowledged,
      int round,
      int ackedThisRound,
      Duration restart) {
    List<String> problems = new ArrayList<>();
    int lost = 0;
    int changed = 0;
    for (Acknowledged a : acknowledged.values()) {
      Reply r = client.get("api/v1/decisions/" + a.id(), AUDITOR);
      if (r.status() == 404) {
        lost++;
        problems.add(
            "round "
                + round
                + ": acknowledged decision "
                + a.id()
                + " (sequence "
                + a.sequence()
                + ") is lost");
      } else if (r.status() != 200 || !Json.canonical(r.json()).equals(a.response())) {
        changed++;
        problems.add(
            "round "
                + round
                + ": decision "
                + a.id()
                + " reads back differently: "
                + r.status()
                + " "
                + r.body());
      }
    }
    Map<Long, String> bySequence = new HashMap<>();
    for (Acknowledged a : acknowledged.values()) {
      String other = bySequence.putIfAbsent(a.sequence(), a.id());
      if (other != null) {
        problems.add(
            "sequence " + a.sequence() + " acknowledged for both " + other + " and " + a.id());
      }
    }
    Reply probe =
        client.post(
            "api/v1/decisions", DECIDER, DecisionServiceContract.request("crash-probe-" + round));
    long highest = acknowledged.values().stream().mapToLong(Acknowledged::sequence).max().orElse(0);
    long reused = 0;
    if (probe.status() != 201) {
      problems.add(
          "round "
              + round
              + ": a new decision after restart: "
              + probe.status()
              + " "
              + probe.body());
    } else {
      long next = probe.json().get("sequence").asLong();
      // Every acknowledged sequence at or above the new decision's was (or will be) handed out
      // again.
      reused = acknowledged.values().stream().filter(a -> a.sequence() >= next).count();
      if (next <= highest) {
        problems.add(
            "round "
                + round
                + ": the new decision got sequence "
                + next
                + ", already acknowledged (highest "
                + highest
                + ")");
      }
    }
    JsonNode verify = client.get("api/v1/audit/verify", AUDITOR).json();
    if (!verify.get("intact").asBoolean()) {
      problems.add("round " + round + ": audit chain broken: " + verify);
    }
    System.out.printf(
        Locale.ROOT,
        "crash-durability %s round %d: %d acknowledged before kill -9 (%d in all), %d lost, %d changed,"
            + " %d acknowledged sequences handed out again, chain %s; restart took %d s%n",
        database(),
        round,
        ackedThisRound,
        acknowledged.size(),
        lost,
        changed,
        reused,
        verify.get("intact").asBoolean() ? "intact" : "broken",
        restart.toSeconds());
    return problems.size() > 20 ? problems.subList(0, 20) : problems;
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> all = Files.walk(path)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

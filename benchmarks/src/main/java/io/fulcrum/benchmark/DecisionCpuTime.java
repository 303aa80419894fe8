package io.fulcrum.benchmark;

import static io.fulcrum.benchmark.CpuTimes.loadAverage;
import static io.fulcrum.benchmark.CpuTimes.measure;
import static io.fulcrum.benchmark.CpuTimes.median;
import static io.fulcrum.benchmark.CpuTimes.print;
import static io.fulcrum.benchmark.CpuTimes.totalCpu;

import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.DecisionBatch;
import io.fulcrum.engine.runtime.MarginEngine;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * The {@link DecisionBenchmark} cases measured in CPU time of the deciding thread instead of wall
 * time, so that a machine shared with other work (load average far above the core count) still
 * gives comparable figures. Rounds alternate the cases (baseline, engine with explanation, engine
 * without), so each ratio compares figures taken minutes, not hours, apart; the median over rounds
 * is printed with the allocation per decision and the load average at start and end. A batch of
 * 100,000 accounts with explanation on 2 threads follows ({@link DecisionBatch}), in blocks of
 * 1,000 requests whose decisions are dropped after each block (as a stream of requests would be),
 * reported as wall time, accounts/s and CPU per account.
 *
 * <pre>
 * java -cp "benchmarks/target/classes:benchmarks/target/lib/*" io.fulcrum.benchmark.DecisionCpuTime [rounds]
 * </pre>
 *
 * Not a JMH benchmark: it reads {@code ThreadMXBean} CPU and allocation counters, which JMH does
 * not report per operation.
 */
public final class DecisionCpuTime {

  private DecisionCpuTime() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    System.out.println("load average at start: " + loadAverage());
    CompiledPolicy policy =
        MarginEngine.over(PolicyLibrary.at(Path.of(System.getProperty("fulcrum.rules", "rules"))))
            .policy(PolicyRef.parse("tiered-perps@1"));
    SplittableRandom random = new SplittableRandom(42);
    int n = DecisionBenchmark.DISTINCT;
    MarginRequest[] requests = new MarginRequest[n];
    BigDecimal[][] inputs = new BigDecimal[n][];
    for (int i = 0; i < n; i++) {
      inputs[i] = DecisionBenchmark.randomAccount(random);
      requests[i] = DecisionBenchmark.request("acc-" + i, inputs[i]);
    }
    Object[] sink = new Object[1];
    IntConsumer baseline =
        i -> {
          BigDecimal[] in = inputs[i & (n - 1)];
          sink[0] = TieredPerpsBaseline.decide(in[0], in[1], in[2], in[3], in[4]);
        };
    IntConsumer explained = i -> sink[0] = MarginEngine.decide(policy, requests[i & (n - 1)], true);
    IntConsumer plain = i -> sink[0] = MarginEngine.decide(policy, requests[i & (n - 1)], false);
    // Warm-up: JIT, the rule session of this thread, Drools' and the DMN runtime's caches.
    for (int w = 0; w < 3; w++) {
      measure(baseline, 20_000);
      measure(explained, 4_000);
      measure(plain, 4_000);
    }
    double[][] b = new double[rounds][];
    double[][] e = new double[rounds][];
    double[][] p = new double[rounds][];
    for (int r = 0; r < rounds; r++) {
      b[r] = measure(baseline, 20_000);
      e[r] = measure(explained, 4_000);
      p[r] = measure(plain, 4_000);
    }
    double bt = median(b, 0);
    double et = median(e, 0);
    double pt = median(p, 0);
    System.out.printf(
        Locale.ROOT,
        "%-40s %10s %10s %12s%n",
        "case (median of " + rounds + " rounds)",
        "CPU us/op",
        "x baseline",
        "bytes/op");
    print("hand-written baseline", bt, bt, median(b, 1));
    print("engine, explanation on", et, bt, median(e, 1));
    print("engine, explanation off", pt, bt, median(p, 1));
    System.out.printf(Locale.ROOT, "explanation overhead: %.2fx%n", et / pt);
    batch(policy, requests);
    System.out.println("load average at end: " + loadAverage());
  }

  private static void batch(CompiledPolicy policy, MarginRequest[] requests) {
    int accounts = 100_000;
    int block = 1_000;
    List<MarginRequest> blockRequests = new ArrayList<>(block);
    for (int i = 0; i < block; i++) {
      blockRequests.add(requests[i & (requests.length - 1)]);
    }
    try (DecisionBatch batch = DecisionBatch.onThreads(2)) {
      for (int warm = 0; warm < 20; warm++) {
        batch.decide(policy, blockRequests, MarketDataSets.none(), true);
      }
      long cpu0 = totalCpu();
      long t0 = System.nanoTime();
      int decided = 0;
      for (int done = 0; done < accounts; done += block) {
        decided += batch.decide(policy, blockRequests, MarketDataSets.none(), true).size();
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpuSeconds = (totalCpu() - cpu0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "batch of %,d accounts, explanation on, 2 threads: %.2f s wall, %,.0f accounts/s;"
              + " %.1f CPU us per account (all threads of the process), so %,.0f accounts/s on 2"
              + " idle cores%n",
          decided,
          seconds,
          decided / seconds,
          cpuSeconds * 1e6 / decided,
          2 * decided / cpuSeconds);
    }
  }
}

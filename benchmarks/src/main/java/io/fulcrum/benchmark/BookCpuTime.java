package io.fulcrum.benchmark;

import static io.fulcrum.benchmark.CpuTimes.loadAverage;
import static io.fulcrum.benchmark.CpuTimes.measure;
import static io.fulcrum.benchmark.CpuTimes.median;
import static io.fulcrum.benchmark.CpuTimes.print;
import static io.fulcrum.benchmark.CpuTimes.totalCpu;

import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.market.MarketDataSet;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.market.MarketHistory;
import io.fulcrum.engine.market.PriceHistory;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import io.fulcrum.scenarios.impact.ImpactResult;
import io.fulcrum.scenarios.impact.ImpactRunner;
import io.fulcrum.scenarios.run.Progress;
import io.fulcrum.scenarios.stress.StressLibrary;
import io.fulcrum.scenarios.suite.Suite;
import io.fulcrum.scenarios.suite.SuiteLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * The two issue #14 targets {@link DecisionCpuTime} does not cover, in CPU time (the machine is
 * shared) next to wall time and the load average:
 *
 * <ol>
 *   <li>one {@code risk-based-im@1} decision, 20 positions, 500 days of BTC/ETH history (the {@link
 *       RiskBasedPolicyBenchmark} portfolio), explanation on and off, CPU time of the deciding
 *       thread and bytes allocated, median of the rounds, against the hand-written tiered-perps
 *       baseline of the same run;
 *   <li>an impact run, {@code tiered-perps@1} against {@code @2}, over the perps book generated to
 *       {@code accounts} accounts x its 5 market states ({@link ImpactRunner}, 2 threads, 20 cells
 *       explained, as {@code fulcrum impact --generate} does): wall time of the decide pass and CPU
 *       seconds of all threads.
 * </ol>
 *
 * <pre>
 * java -cp "benchmarks/target/classes:benchmarks/target/lib/*" io.fulcrum.benchmark.BookCpuTime [rounds] [accounts]
 * </pre>
 *
 * Bounded: {@code rounds} (default 7) x 40 risk-based-im decisions, one impact warm-up over 2,000
 * accounts, then one run over {@code accounts} (default 100,000).
 */
public final class BookCpuTime {

  private BookCpuTime() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    int accounts = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    System.out.println("load average at start: " + loadAverage());
    PolicyLibrary library = PolicyLibrary.at(Path.of(System.getProperty("fulcrum.rules", "rules")));
    MarginEngine engine = MarginEngine.over(library);
    riskBased(engine, rounds);
    System.out.println("load average: " + loadAverage());
    impact(engine, accounts);
    System.out.println("load average at end: " + loadAverage());
  }

  private static void riskBased(MarginEngine engine, int rounds) {
    CompiledPolicy policy = engine.policy(PolicyRef.parse("risk-based-im@1"));
    TreeMap<String, PriceHistory> series = new TreeMap<>();
    series.put("BTC", RiskBasedPolicyBenchmark.history("BTC", 60_000, 0.03, 1));
    series.put("ETH", RiskBasedPolicyBenchmark.history("ETH", 3_000, 0.04, 2));
    MarketDataSets sets = MarketDataSets.of(List.of(MarketDataSet.of("bench-daily", "1", series)));
    MarginRequest request = RiskBasedPolicyBenchmark.request(MarketHistory.inline(series));
    Object[] sink = new Object[1];
    java.math.BigDecimal[] in = DecisionBenchmark.randomAccount(new java.util.SplittableRandom(1));
    IntConsumer baseline =
        i -> sink[0] = TieredPerpsBaseline.decide(in[0], in[1], in[2], in[3], in[4]);
    IntConsumer explained = i -> sink[0] = MarginEngine.decide(policy, request, sets, true);
    IntConsumer plain = i -> sink[0] = MarginEngine.decide(policy, request, sets, false);
    for (int w = 0; w < 3; w++) {
      measure(baseline, 20_000);
      measure(explained, 40);
      measure(plain, 40);
    }
    double[][] b = new double[rounds][];
    double[][] e = new double[rounds][];
    double[][] p = new double[rounds][];
    for (int r = 0; r < rounds; r++) {
      b[r] = measure(baseline, 20_000);
      e[r] = measure(explained, 40);
      p[r] = measure(plain, 40);
    }
    double bt = median(b, 0);
    System.out.printf(
        Locale.ROOT,
        "%-48s %12s %12s %14s%n",
        "case (median of " + rounds + " rounds)",
        "CPU us/op",
        "x baseline",
        "bytes/op");
    print("hand-written tiered-perps baseline", bt, bt, median(b, 1));
    print("risk-based-im@1, 20 positions, 500 days, explained", median(e, 0), bt, median(e, 1));
    print("risk-based-im@1, without explanation", median(p, 0), bt, median(p, 1));
  }

  private static void impact(MarginEngine engine, int accounts) {
    CompiledPolicy baseline = engine.policy(PolicyRef.parse("tiered-perps@1"));
    CompiledPolicy candidate = engine.policy(PolicyRef.parse("tiered-perps@2"));
    Suite book =
        new SuiteLoader(StressLibrary.at(Path.of("test-scenarios", "stress")).resolver())
            .load(Path.of("test-scenarios", "books", "perps-book.yaml"));
    ImpactRunner runner = new ImpactRunner(2, 20);
    runner.run(book.withGenerated(2_000), baseline, candidate, Progress.silent()); // warm-up
    Suite suite = book.withGenerated(accounts);
    long cpu0 = totalCpu();
    long t0 = System.nanoTime();
    ImpactResult result = runner.run(suite, baseline, candidate, Progress.silent());
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (totalCpu() - cpu0) / 1e9;
    int states = suite.snapshots().size();
    System.out.printf(
        Locale.ROOT,
        "impact %,d accounts x %d states x 2 versions (%,d decisions): %.2f s wall (decide %.2f s,"
            + " explain %.2f s), %.1f CPU s of all threads = %.1f CPU us per decision, so %.2f s"
            + " on 2 idle cores%n",
        accounts,
        states,
        2L * accounts * states,
        wall,
        result.timings().get("decide"),
        result.timings().get("explain"),
        cpu,
        cpu * 1e6 / (2.0 * accounts * states),
        cpu / 2);
  }
}

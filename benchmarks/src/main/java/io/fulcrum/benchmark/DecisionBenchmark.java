package io.fulcrum.benchmark;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.domain.Account;
import io.fulcrum.engine.domain.CollateralBalance;
import io.fulcrum.engine.domain.InstrumentPrice;
import io.fulcrum.engine.domain.MarginMode;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.domain.MarketSnapshot;
import io.fulcrum.engine.domain.PerpetualFuture;
import io.fulcrum.engine.domain.Position;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.DecisionBatch;
import io.fulcrum.engine.runtime.MarginEngine;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-account decision latency for tiered-perps@1 through the engine (explanation on and off)
 * against the hand-written baseline, and a batch of 100,000 accounts through one compiled policy on
 * 2 threads (explanation on and off) against the baseline over the same accounts. Run from the
 * repository root (see README); the policy is compiled once in setup, never per call.
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecisionBenchmark {

  static final int DISTINCT = 1024;
  static final Instant AS_OF = Instant.parse("2026-11-25T00:00:00Z");

  static final int BOOK = 100_000;
  static final int BLOCK = 1_000;

  CompiledPolicy policy;
  MarginRequest[] requests;
  List<MarginRequest> block;
  DecisionBatch batch;
  BigDecimal[][] baselineInputs;
  int next;

  @Setup(Level.Trial)
  public void setUp() {
    MarginEngine engine =
        MarginEngine.over(PolicyLibrary.at(Path.of(System.getProperty("fulcrum.rules", "rules"))));
    policy = engine.policy(PolicyRef.parse("tiered-perps@1"));
    SplittableRandom random = new SplittableRandom(42);
    requests = new MarginRequest[DISTINCT];
    baselineInputs = new BigDecimal[DISTINCT][];
    for (int i = 0; i < DISTINCT; i++) {
      BigDecimal[] in = randomAccount(random);
      baselineInputs[i] = in;
      requests[i] = request("acc-" + i, in);
    }
    List<MarginRequest> first = new java.util.ArrayList<>(BLOCK);
    for (int i = 0; i < BLOCK; i++) {
      first.add(requests[i]);
    }
    block = List.copyOf(first);
    batch = DecisionBatch.onThreads(2);
  }

  /** wallet, quantity, entry, mark, leverage: notionals spread over the first five brackets. */
  static BigDecimal[] randomAccount(SplittableRandom random) {
    BigDecimal mark = BigDecimal.valueOf(40000 + random.nextInt(40000));
    BigDecimal quantity =
        BigDecimal.valueOf(random.nextInt(1, 200000), 3)
            .multiply(BigDecimal.valueOf(random.nextBoolean() ? 1 : -1));
    BigDecimal entry = mark.multiply(BigDecimal.valueOf(900 + random.nextInt(200), 3));
    BigDecimal notional = quantity.abs().multiply(mark);
    BigDecimal wallet = notional.multiply(BigDecimal.valueOf(1 + random.nextInt(300), 3));
    BigDecimal leverage = BigDecimal.valueOf(1 + random.nextInt(100));
    return new BigDecimal[] {wallet, quantity, entry, mark, leverage};
  }

  static MarginRequest request(String id, BigDecimal[] in) {
    Position p = new Position("BTCUSDT", in[1], in[2], MarginMode.CROSS, in[4], null);
    MarketSnapshot market =
        new MarketSnapshot(
            AS_OF,
            "USDT",
            List.of(new PerpetualFuture("BTCUSDT", "BTC", "USDT", BigDecimal.ONE)),
            new TreeMap<>(Map.of("BTCUSDT", new InstrumentPrice(in[3], null))),
            new TreeMap<>(Map.of("USDT", BigDecimal.ONE)));
    return new MarginRequest(
        new Account(id, List.of(p), List.of(new CollateralBalance("USDT", in[0])), List.of()),
        market);
  }

  private int nextIndex() {
    next = (next + 1) & (DISTINCT - 1);
    return next;
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public MarginDecision engineWithExplanation() {
    return MarginEngine.decide(policy, requests[nextIndex()], true);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public MarginDecision engineWithoutExplanation() {
    return MarginEngine.decide(policy, requests[nextIndex()], false);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public TieredPerpsBaseline.Result plainJavaBaseline() {
    BigDecimal[] in = baselineInputs[nextIndex()];
    return TieredPerpsBaseline.decide(in[0], in[1], in[2], in[3], in[4]);
  }

  /**
   * 100,000 accounts through one compiled policy with explanation, on 2 threads (the caller and one
   * worker of a {@link DecisionBatch}, which reuse their rule sessions), in blocks of {@link
   * #BLOCK} requests whose decisions are dropped after each block, as a stream of requests would be
   * (held all at once, 100,000 explained decisions fill a 2 GB heap): accounts/s = 100,000 / the
   * time. The batch (its threads) lives for the trial, as in a service or a CLI run.
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3)
  @Measurement(iterations = 5)
  public int batchOf100kAccountsExplainedOn2Threads() {
    return decideBook(true);
  }

  /** As {@link #batchOf100kAccountsExplainedOn2Threads}, explanation off. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3)
  @Measurement(iterations = 5)
  public int batchOf100kAccountsOn2Threads() {
    return decideBook(false);
  }

  private int decideBook(boolean explain) {
    int decided = 0;
    for (int done = 0; done < BOOK; done += BLOCK) {
      decided += batch.decide(policy, block, MarketDataSets.none(), explain).size();
    }
    return decided;
  }

  /** The hand-written baseline over the same 100,000 accounts on one thread (for the ratio). */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3)
  @Measurement(iterations = 5)
  public void plainJavaBaselineOver100kAccounts(Blackhole bh) {
    for (int i = 0; i < BOOK; i++) {
      BigDecimal[] in = baselineInputs[i & (DISTINCT - 1)];
      bh.consume(TieredPerpsBaseline.decide(in[0], in[1], in[2], in[3], in[4]));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    batch.close();
  }
}

package io.fulcrum.benchmark;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.domain.Account;
import io.fulcrum.engine.domain.CollateralBalance;
import io.fulcrum.engine.domain.EuropeanOption;
import io.fulcrum.engine.domain.Instrument;
import io.fulcrum.engine.domain.InstrumentPrice;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.domain.MarketSnapshot;
import io.fulcrum.engine.domain.OptionRight;
import io.fulcrum.engine.domain.PerpetualFuture;
import io.fulcrum.engine.domain.Position;
import io.fulcrum.engine.market.MarketDataSet;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.market.MarketHistory;
import io.fulcrum.engine.market.PriceHistory;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One risk-based-im@1 decision for a 20-position portfolio (a BTC and an ETH perpetual, 9 BTC and 9
 * ETH European options) with 500 days of BTC/ETH history (501 closes, seeded random walk): three
 * measures (FHS ES with 2-day overlapping windows = 499 full revaluations, a 27-point scenario
 * grid, the unfiltered ES), a DMN table per position, the rules. Variants: explanation on/off,
 * history inline or as a named data set. The policy is compiled in setup; the EWMA series are
 * cached after the first decision (warm-up), so the figures are the steady state of repeated
 * decisions on one data-set version. Run from the repository root (see README).
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RiskBasedPolicyBenchmark {

  static final Instant AS_OF = Instant.parse("2026-11-25T12:00:00Z");
  static final int DAYS = 500;

  CompiledPolicy policy;
  MarketDataSets dataSets;
  MarginRequest inline;
  MarginRequest byReference;

  @Setup(Level.Trial)
  public void setUp() {
    MarginEngine engine =
        MarginEngine.over(PolicyLibrary.at(Path.of(System.getProperty("fulcrum.rules", "rules"))));
    policy = engine.policy(PolicyRef.parse("risk-based-im@1"));
    TreeMap<String, PriceHistory> series = new TreeMap<>();
    series.put("BTC", history("BTC", 60_000, 0.03, 1));
    series.put("ETH", history("ETH", 3_000, 0.04, 2));
    dataSets = MarketDataSets.of(List.of(MarketDataSet.of("bench-daily", "1", series)));
    inline = request(MarketHistory.inline(series));
    byReference = request(MarketHistory.ofDataSet("bench-daily@1"));
  }

  static PriceHistory history(String asset, double start, double vol, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<LocalDate> dates = new ArrayList<>();
    double[] closes = new double[DAYS + 1];
    double price = start;
    for (int i = 0; i <= DAYS; i++) {
      dates.add(LocalDate.of(2026, 11, 24).minusDays(DAYS - i));
      price *=
          1 + vol * (random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5) * 2;
      closes[i] = price;
    }
    return new PriceHistory(asset, dates, closes);
  }

  static MarginRequest request(MarketHistory history) {
    List<Instrument> instruments = new ArrayList<>();
    TreeMap<String, InstrumentPrice> prices = new TreeMap<>();
    List<Position> positions = new ArrayList<>();
    instruments.add(new PerpetualFuture("BTCUSDT", "BTC", "USDT", BigDecimal.ONE));
    instruments.add(new PerpetualFuture("ETHUSDT", "ETH", "USDT", BigDecimal.ONE));
    prices.put("BTCUSDT", new InstrumentPrice(new BigDecimal("60000"), null));
    prices.put("ETHUSDT", new InstrumentPrice(new BigDecimal("3000"), null));
    positions.add(Position.cross("BTCUSDT", "3", "60000"));
    positions.add(Position.cross("ETHUSDT", "-40", "3000"));
    options(instruments, prices, positions, "BTC", 60_000, 0.6);
    options(instruments, prices, positions, "ETH", 3_000, 0.7);
    MarketSnapshot market =
        new MarketSnapshot(
            AS_OF,
            "USDT",
            instruments,
            prices,
            new TreeMap<>(Map.of("USDT", BigDecimal.ONE)),
            history);
    return new MarginRequest(
        new Account(
            "bench-pm",
            positions,
            List.of(new CollateralBalance("USDT", new BigDecimal("500000"))),
            List.of()),
        market);
  }

  /** 9 options: strikes 80%..120% of spot, calls above spot, puts below, alternating long/short. */
  private static void options(
      List<Instrument> instruments,
      Map<String, InstrumentPrice> prices,
      List<Position> positions,
      String underlying,
      double spot,
      double vol) {
    for (int i = 0; i < 9; i++) {
      double strike = spot * (0.8 + 0.05 * i);
      OptionRight right = strike >= spot ? OptionRight.CALL : OptionRight.PUT;
      String symbol = underlying + "-" + (long) strike + "-" + right.name().charAt(0);
      LocalDate expiry = LocalDate.of(2026, 12, 25).plusMonths(i % 3);
      instruments.add(
          new EuropeanOption(
              symbol,
              underlying,
              "USDT",
              BigDecimal.ONE,
              expiry,
              BigDecimal.valueOf((long) strike),
              right));
      BigDecimal mark =
          BigDecimal.valueOf(Math.max(spot * 0.01, Math.abs(spot - strike) * 0.2 + spot * 0.02));
      prices.put(
          symbol,
          new InstrumentPrice(
              mark,
              BigDecimal.valueOf(spot),
              BigDecimal.valueOf(vol + 0.02 * (i - 4) * (i - 4) / 4)));
      positions.add(
          Position.cross(
              symbol,
              (i % 2 == 0 ? "" : "-") + (underlying.equals("BTC") ? "2" : "20"),
              mark.toPlainString()));
    }
  }

  @Benchmark
  public MarginDecision decideExplained() {
    return MarginEngine.decide(policy, inline, dataSets, true);
  }

  @Benchmark
  public MarginDecision decideWithoutExplanation() {
    return MarginEngine.decide(policy, inline, dataSets, false);
  }

  @Benchmark
  public MarginDecision decideWithNamedDataSet() {
    return MarginEngine.decide(policy, byReference, dataSets, false);
  }
}

package io.fulcrum.benchmark;

import io.fulcrum.backtest.PortfolioFile;
import io.fulcrum.engine.backtest.Backtest;
import io.fulcrum.engine.backtest.BacktestPortfolio;
import io.fulcrum.engine.backtest.BacktestResult;
import io.fulcrum.engine.backtest.BacktestSpec;
import io.fulcrum.engine.backtest.DataStamp;
import io.fulcrum.engine.backtest.MeasureMarginModel;
import io.fulcrum.engine.backtest.PolicyMarginModel;
import io.fulcrum.engine.backtest.PricePanel;
import io.fulcrum.engine.calibration.Calibration;
import io.fulcrum.engine.calibration.CalibrationSpec;
import io.fulcrum.engine.calibration.MeasureModelFactory;
import io.fulcrum.engine.calibration.Objective;
import io.fulcrum.engine.calibration.ParameterRange;
import io.fulcrum.engine.market.DirectoryMarketDataSets;
import io.fulcrum.engine.market.MarketDataSet;
import io.fulcrum.engine.market.MissingDataPolicy;
import io.fulcrum.engine.measure.RiskMeasures;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 5-year daily backtest (2016-11-24 .. 2021-11-22, 1,821 days) of the 10-position BTC/ETH book
 * (test-scenarios/backtest/btc-eth-10.yaml) with the fhs-es measure model and with the
 * risk-based-im policy, and a 100-point calibration grid (confidence x mporScaling). Run from the
 * checkout root after {@code mvn -q -DskipTests install}:
 *
 * <pre>
 * java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.openjdk.jmh.Main BacktestBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class BacktestBenchmark {

  static final LocalDate FROM = LocalDate.of(2016, 11, 24);
  static final LocalDate TO = LocalDate.of(2021, 11, 22);

  PricePanel panel;
  DataStamp stamp;
  BacktestPortfolio book;
  RiskMeasures measures;
  PolicyMarginModel policy;

  @Setup
  public void load() {
    MarketDataSet set =
        DirectoryMarketDataSets.at(Path.of("test-scenarios", "data"), MissingDataPolicy.SKIP_DAY)
            .get("btc-usd-daily+eth-usd-daily");
    book = PortfolioFile.read(Path.of("test-scenarios", "backtest", "btc-eth-10.yaml"));
    panel = PricePanel.of(set, book.assets());
    stamp = DataStamp.of(set, panel.notes());
    measures = RiskMeasures.load();
    policy =
        new PolicyMarginModel(
            MarginEngine.over(PolicyLibrary.at(Path.of("rules")))
                .policy(PolicyRef.parse("risk-based-im@1")),
            book.currency(),
            450);
  }

  @Benchmark
  public BacktestResult fiveYearMeasureBacktest() {
    return Backtest.run(
        panel,
        stamp,
        new BacktestSpec(
            book,
            MeasureMarginModel.of(measures, Map.of("measure", "fhs-es", "lookback", "450")),
            2,
            0.99,
            FROM,
            TO));
  }

  @Benchmark
  public BacktestResult fiveYearPolicyBacktest() {
    return Backtest.run(panel, stamp, new BacktestSpec(book, policy, 2, 0.99, FROM, TO));
  }

  @Benchmark
  public Calibration.Result hundredPointCalibration() {
    Map<String, String> fixed = Map.of("measure", "fhs-es", "lookback", "450");
    BacktestSpec base =
        new BacktestSpec(book, MeasureMarginModel.of(measures, fixed), 2, 0.99, FROM, TO);
    return Calibration.run(
        panel,
        stamp,
        new MeasureModelFactory(measures),
        new CalibrationSpec(
            base,
            0.99,
            List.of(
                ParameterRange.parse("confidence=0.95:0.995:0.005"),
                ParameterRange.parse("mporScaling=0.8:1.25:0.05")),
            fixed,
            Objective.MIN_AVERAGE_MARGIN));
  }
}

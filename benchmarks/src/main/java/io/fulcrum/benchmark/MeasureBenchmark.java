package io.fulcrum.benchmark;

import io.fulcrum.engine.measure.DerivativesPortfolio;
import io.fulcrum.engine.measure.DerivativesPortfolio.EuropeanOption;
import io.fulcrum.engine.measure.DerivativesPortfolio.Future;
import io.fulcrum.engine.measure.DerivativesPortfolio.OptionRight;
import io.fulcrum.engine.measure.DerivativesPortfolio.Position;
import io.fulcrum.engine.measure.MeasureParameters;
import io.fulcrum.engine.measure.MeasureResult;
import io.fulcrum.engine.measure.MultiAssetPortfolio;
import io.fulcrum.engine.measure.ReturnSeries;
import io.fulcrum.engine.measure.RiskMeasure;
import io.fulcrum.engine.measure.RiskMeasures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of one evaluation of each built-in risk measure, with its default parameters, on 250, 1,000
 * and 10,000 observations. Series measures get that many daily returns; {@code portfolio-var} that
 * many days for 20 assets; {@code scenario-grid} that many / 50 positions (5, 20, 200) on 4
 * underlyings, half of them options, on the default 9 x 3 grid.
 *
 * <p>Run: {@code java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.openjdk.jmh.Main
 * MeasureBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MeasureBenchmark {

  private static final RiskMeasures MEASURES = RiskMeasures.load();

  /** A fat-tailed daily return series. */
  @State(Scope.Benchmark)
  public static class Series {
    @Param({
      "historical-var",
      "historical-es",
      "parametric-var",
      "parametric-es",
      "cornish-fisher-var",
      "ewma-volatility",
      "fhs-var",
      "fhs-es",
      "spectral-exponential"
    })
    public String measure;

    @Param({"250", "1000", "10000"})
    public int observations;

    RiskMeasure riskMeasure;
    ReturnSeries returns;

    @Setup
    public void setUp() {
      riskMeasure = MEASURES.get(measure);
      SplittableRandom random = new SplittableRandom(42);
      double[] r = new double[observations];
      for (int i = 0; i < observations; i++) {
        double scale = random.nextDouble() < 0.05 ? 0.08 : 0.025;
        r[i] = scale * (random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5);
      }
      returns = ReturnSeries.of(r);
    }
  }

  /** Position-based inputs sized by the observation count. */
  @State(Scope.Benchmark)
  public static class Portfolios {
    @Param({"250", "1000", "10000"})
    public int observations;

    MultiAssetPortfolio assets;
    DerivativesPortfolio derivatives;

    @Setup
    public void setUp() {
      SplittableRandom random = new SplittableRandom(7);
      List<String> names = new ArrayList<>();
      double[] exposures = new double[20];
      for (int j = 0; j < 20; j++) {
        names.add("A" + j);
        exposures[j] = (random.nextDouble() - 0.3) * 1_000_000;
      }
      double[][] rows = new double[observations][20];
      for (int t = 0; t < observations; t++) {
        double market = 0.03 * (random.nextDouble() - 0.5);
        for (int j = 0; j < 20; j++) {
          rows[t][j] = market + 0.02 * (random.nextDouble() - 0.5);
        }
      }
      assets = new MultiAssetPortfolio("USDT", names, exposures, rows);
      derivatives = derivatives(observations / 50, random);
    }

    private static DerivativesPortfolio derivatives(int positions, SplittableRandom random) {
      Map<String, Double> prices = Map.of("BTC", 65000.0, "ETH", 3500.0, "SOL", 150.0, "XRP", 0.6);
      List<String> underlyings = List.of("BTC", "ETH", "SOL", "XRP");
      List<Position> book = new ArrayList<>();
      for (int i = 0; i < positions; i++) {
        String u = underlyings.get(i % underlyings.size());
        double f = prices.get(u);
        double qty = random.nextDouble() * 20 - 10;
        book.add(
            i % 2 == 0
                ? new Future(u + "-PERP-" + i, u, qty)
                : new EuropeanOption(
                    u + "-OPT-" + i,
                    u,
                    qty,
                    i % 4 == 1 ? OptionRight.CALL : OptionRight.PUT,
                    f * (0.8 + 0.4 * random.nextDouble()),
                    0.02 + random.nextDouble(),
                    0.4 + 0.5 * random.nextDouble()));
      }
      return DerivativesPortfolio.of("USDT", 0.05, prices, book);
    }
  }

  @Benchmark
  public MeasureResult seriesMeasure(Series state) {
    return state.riskMeasure.evaluate(state.returns, MeasureParameters.none());
  }

  @Benchmark
  public MeasureResult portfolioVarSample(Portfolios state) {
    return MEASURES.get("portfolio-var").evaluate(state.assets, MeasureParameters.none());
  }

  @Benchmark
  public MeasureResult portfolioVarEwma(Portfolios state) {
    return MEASURES
        .get("portfolio-var")
        .evaluate(state.assets, MeasureParameters.of(Map.of("covariance", "ewma")));
  }

  @Benchmark
  public MeasureResult scenarioGrid(Portfolios state) {
    return MEASURES.get("scenario-grid").evaluate(state.derivatives, MeasureParameters.none());
  }
}

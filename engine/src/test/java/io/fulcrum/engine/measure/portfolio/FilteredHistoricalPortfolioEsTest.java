package io.fulcrum.engine.measure.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fulcrum.engine.measure.DerivativesPortfolio;
import io.fulcrum.engine.measure.DerivativesPortfolio.Future;
import io.fulcrum.engine.measure.HistoricalPortfolio;
import io.fulcrum.engine.measure.HistoricalPortfolio.UnderlyingReturns;
import io.fulcrum.engine.measure.MeasureInput;
import io.fulcrum.engine.measure.MeasureParameters;
import io.fulcrum.engine.measure.MeasureResult;
import io.fulcrum.engine.measure.ReturnSeries;
import io.fulcrum.engine.measure.RiskMeasure;
import io.fulcrum.engine.measure.RiskMeasureContractTest;
import io.fulcrum.engine.measure.historical.FilteredHistoricalExpectedShortfall;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilteredHistoricalPortfolioEsTest extends RiskMeasureContractTest {

  @Override
  protected RiskMeasure measure() {
    return new FilteredHistoricalPortfolioEs();
  }

  @Override
  protected MeasureInput validInput() {
    return HistoricalPortfolioBooks.randomPair(300);
  }

  @Override
  protected MeasureInput referenceInput(String name) {
    return HistoricalPortfolioBooks.book(name);
  }

  @Override
  protected Map<String, String> allParameters() {
    return Map.of(
        "alpha",
        "0.6",
        "lambda",
        "0.9",
        "horizonDays",
        "2",
        "horizonMethod",
        "sqrt-time",
        "lookbackDays",
        "280",
        "minimumObservations",
        "4");
  }

  @Override
  protected void evaluateOnTooShortInput() {
    measure().evaluate(validInput(), MeasureParameters.of(Map.of("minimumObservations", "301")));
  }

  @Override
  protected void buildInputWithNaN() {
    new UnderlyingReturns(new double[] {0.01, Double.NaN}, null);
  }

  /** A random-walk history of n returns, seeded. */
  private static double[] returns(long seed, int n, double vol) {
    Random random = new Random(seed);
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = vol * random.nextGaussian() * (i > n / 2 ? 2.0 : 1.0);
    }
    return r;
  }

  private static HistoricalPortfolio onePerp(double units, double price, double[] r) {
    List<LocalDate> dates = new ArrayList<>();
    for (int i = 0; i < r.length; i++) {
      dates.add(LocalDate.of(2024, 1, 1).plusDays(i));
    }
    return new HistoricalPortfolio(
        DerivativesPortfolio.of(
            "USDT", 0.0, Map.of("BTC", price), List.of(new Future("BTCUSDT", "BTC", units))),
        dates,
        new TreeMap<>(Map.of("BTC", new UnderlyingReturns(r, "k-" + r.length))),
        null);
  }

  @ParameterizedTest(name = "{0} units, {1} days {2}, alpha {3}")
  @CsvSource({
    "2.5, 2, overlapping, 0.975",
    "2.5, 2, sqrt-time, 0.975",
    "4, 1, overlapping, 0.975",
    "1, 5, overlapping, 0.9",
    "0.1, 10, sqrt-time, 0.99"
  })
  void oneLongPerp_agreesWithSingleAssetFhsEsTimesItsValue(
      double units, int days, String method, double alpha) {
    double[] r = returns(7, 500, 0.03);
    double price = 60_000;
    Map<String, String> p =
        Map.of(
            "alpha",
            String.valueOf(alpha),
            "lambda",
            "0.94",
            "horizonDays",
            String.valueOf(days),
            "horizonMethod",
            method);
    MeasureResult portfolio = measure().evaluate(onePerp(units, price, r), MeasureParameters.of(p));
    MeasureResult single =
        new FilteredHistoricalExpectedShortfall()
            .evaluate(ReturnSeries.of(r), MeasureParameters.of(p));
    assertThat(portfolio.value()).isCloseTo(units * price * single.value(), within(1e-6));
  }

  @Test
  void shortPerp_oneDay_agreesWithFhsEsOfTheNegatedReturns() {
    double[] r = returns(11, 400, 0.02);
    double[] negated = java.util.Arrays.stream(r).map(x -> -x).toArray();
    Map<String, String> p = Map.of("alpha", "0.975", "horizonDays", "1");
    MeasureResult portfolio = measure().evaluate(onePerp(-3, 3_000, r), MeasureParameters.of(p));
    MeasureResult single =
        new FilteredHistoricalExpectedShortfall()
            .evaluate(ReturnSeries.of(negated), MeasureParameters.of(p));
    assertThat(portfolio.value()).isCloseTo(3 * 3_000 * single.value(), within(1e-6));
  }

  @Test
  void secondEvaluationOnTheSameData_usesTheCacheAndGivesTheSameBits() {
    HistoricalPortfolio book = onePerp(1, 100, returns(3, 300, 0.01));
    long[] before = FilteredReturnsCache.statistics();
    MeasureResult first = measure().evaluate(book, MeasureParameters.none());
    MeasureResult second = measure().evaluate(book, MeasureParameters.none());
    long[] after = FilteredReturnsCache.statistics();
    assertThat(after[0] - before[0]).as("hits").isGreaterThanOrEqualTo(1);
    assertThat(Double.doubleToRawLongBits(second.value()))
        .isEqualTo(Double.doubleToRawLongBits(first.value()));
  }

  @Test
  void explanation_namesTheDataWindowAndTheWorstScenario() {
    MeasureResult result =
        measure()
            .evaluate(
                HistoricalPortfolioBooks.book("pair5"),
                MeasureParameters.of(
                    Map.of(
                        "alpha",
                        "0.6",
                        "lambda",
                        "0.5",
                        "horizonDays",
                        "1",
                        "minimumObservations",
                        "5")));
    assertThat(result.inputs())
        .containsEntry("from", "2026-01-01")
        .containsEntry("to", "2026-01-05")
        .containsEntry("horizonMethod", "overlapping")
        .containsEntry("marketData", Map.of("inlineHash", "test"));
    assertThat(result.details()).containsKeys("latestVolatility", "worstScenarioEnd", "scenarios");
    assertThat(result.unit()).isEqualTo("USDT");
  }
}

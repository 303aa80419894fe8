package io.fulcrum.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fulcrum.engine.measure.RiskMeasures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The backtest runner on synthetic data with known answers. */
class BacktestTest {

  static final RiskMeasures MEASURES = RiskMeasures.load();
  static final LocalDate START = LocalDate.of(2020, 1, 1);
  static final DataStamp SYNTHETIC = new DataStamp("synthetic", "1", "none", List.of());

  /** Prices with i.i.d. Gaussian daily returns N(0, sigma^2), seeded. */
  static PricePanel gaussianPanel(long seed, int days, double sigma) {
    Random random = new Random(seed);
    double[] closes = new double[days];
    closes[0] = 100;
    for (int t = 1; t < days; t++) {
      closes[t] = closes[t - 1] * (1 + sigma * random.nextGaussian());
    }
    List<LocalDate> dates = new ArrayList<>();
    for (int t = 0; t < days; t++) {
      dates.add(START.plusDays(t));
    }
    return PricePanel.of(List.of("X"), dates, new double[][] {closes});
  }

  static BacktestPortfolio longOne() {
    return new BacktestPortfolio("long X", "USD", List.of(new BacktestPortfolio.Holding("X", 1)));
  }

  static MarginModel model(Map<String, String> params) {
    return MeasureMarginModel.of(MEASURES, params);
  }

  @Test
  void gaussianReturns_parametricVar99_breachesAboutOnePercent_andKupiecDoesNotReject() {
    PricePanel panel = gaussianPanel(1L, 3501, 0.02);
    MarginModel var99 =
        model(Map.of("measure", "parametric-var", "confidence", "0.99", "lookback", "1000"));
    BacktestResult r =
        Backtest.run(panel, SYNTHETIC, new BacktestSpec(longOne(), var99, 1, 0.99, null, null));
    assertThat(r.dates()).hasSize(2500);
    // Expected 25 breaches in 2,500 days (1,000-day estimation window: little estimation error).
    assertThat(r.tests().breachRate()).isBetween(0.006, 0.015);
    assertThat(r.tests().kupiec().rejectedAt5Percent()).as("%s", r.tests()).isFalse();
    assertThat(r.tests().conditionalCoverage().rejectedAt5Percent())
        .as("cc %s ind %s", r.tests().conditionalCoverage(), r.tests().independence())
        .isFalse();
    assertThat(r.coverageRatio()).isCloseTo(1 - r.breaches().size() / 2500.0, within(1e-12));
  }

  @Test
  void deliberatelyLowMargin_landsInTheRedZone() {
    // Half the 99% VaR: P(Z > 2.326 / 2) = 12% breaches, about 30 in 250 days: red (10+).
    PricePanel panel = gaussianPanel(7L, 1001, 0.02);
    MarginModel low =
        model(Map.of("measure", "parametric-var", "lookback", "250", "mporScaling", "0.5"));
    BacktestResult r =
        Backtest.run(panel, SYNTHETIC, new BacktestSpec(longOne(), low, 1, 0.99, null, null));
    assertThat(r.tests().trafficLight().zone()).isEqualTo(TrafficLight.Zone.RED);
    assertThat(r.tests().kupiec().rejectedAt5Percent()).isTrue();
    assertThat(r.breaches())
        .allSatisfy(
            b ->
                assertThat(b.shortfall())
                    .isPositive()
                    .isCloseTo(b.loss() - b.margin(), within(1e-9)));
  }

  @Test
  void perturbingFuturePrices_doesNotChangeAPastDaysMargin() {
    PricePanel panel = gaussianPanel(11L, 900, 0.03);
    double[] perturbed = new double[900];
    for (int t = 0; t < 900; t++) {
      perturbed[t] = panel.close(0, t) * (t > 600 ? 1.5 + Math.sin(t) : 1.0);
    }
    PricePanel future = PricePanel.of(List.of("X"), panel.dates(), new double[][] {perturbed});
    for (String measure : List.of("parametric-var", "historical-es", "fhs-es")) {
      BacktestSpec spec =
          new BacktestSpec(
              longOne(), model(Map.of("measure", measure, "lookback", "300")), 2, 0.99, null, null);
      BacktestResult a = Backtest.run(panel, SYNTHETIC, spec);
      BacktestResult b = Backtest.run(future, SYNTHETIC, spec);
      int day600 = a.dates().indexOf(START.plusDays(600));
      for (int i = 0; i <= day600; i++) {
        assertThat(b.margins()[i])
            .as("%s margin on %s", measure, a.dates().get(i))
            .isEqualTo(a.margins()[i]);
      }
      assertThat(b.margins()[day600 + 1]).isNotEqualTo(a.margins()[day600 + 1]);
    }
  }

  @Test
  void realisedLoss_isValueTodayMinusValueAfterMpor() {
    PricePanel panel = gaussianPanel(3L, 400, 0.02);
    BacktestPortfolio shortTwo =
        new BacktestPortfolio("short", "USD", List.of(new BacktestPortfolio.Holding("X", -2)));
    BacktestResult r =
        Backtest.run(
            panel,
            SYNTHETIC,
            new BacktestSpec(
                shortTwo,
                model(Map.of("measure", "historical-es", "lookback", "250")),
                3,
                0.99,
                null,
                null));
    int t = 250 + 10;
    assertThat(r.losses()[10])
        .isCloseTo(-2 * panel.close(0, t) + 2 * panel.close(0, t + 3), within(1e-9));
    assertThat(r.dates().get(r.dates().size() - 1)).isEqualTo(START.plusDays(399 - 3));
  }

  @Test
  void procyclicality_isMeasuredOnTheMarginSeries() {
    BacktestResult r =
        Backtest.run(
            gaussianPanel(5L, 800, 0.02),
            SYNTHETIC,
            new BacktestSpec(
                longOne(),
                model(Map.of("measure", "fhs-es", "lookback", "250")),
                1,
                0.99,
                null,
                null));
    Procyclicality p = r.procyclicality();
    double max = java.util.Arrays.stream(r.margins()).max().orElseThrow();
    double min = java.util.Arrays.stream(r.margins()).min().orElseThrow();
    assertThat(p.peakToTrough()).isCloseTo(max / min, within(1e-12));
    assertThat(p.largestOneDayIncrease().amount()).isPositive();
    assertThat(p.largestWindowIncrease().days()).isEqualTo(30);
    assertThat(p.mostStressedWindow().pnlVolatility())
        .isGreaterThan(p.calmestWindow().pnlVolatility());
  }

  @Test
  void badInputs_giveClearErrors() {
    PricePanel panel = gaussianPanel(1L, 600, 0.02);
    MarginModel m = model(Map.of("measure", "parametric-var", "lookback", "250"));
    assertThatThrownBy(
            () ->
                Backtest.run(
                    panel,
                    SYNTHETIC,
                    new BacktestSpec(longOne(), m, 1, 0.99, LocalDate.of(2019, 1, 1), null)))
        .hasMessage("from 2019-01-01 is outside the data, which covers 2020-01-01 .. 2021-08-22");
    assertThatThrownBy(
            () ->
                Backtest.run(
                    panel,
                    SYNTHETIC,
                    new BacktestSpec(longOne(), m, 1, 0.99, START.plusDays(10), null)))
        .hasMessage(
            "from 2020-01-11 leaves 10 days of history before it but the model needs 250; "
                + "the earliest from is 2020-09-07");
    assertThatThrownBy(
            () ->
                Backtest.run(
                    panel,
                    SYNTHETIC,
                    new BacktestSpec(longOne(), m, 1, 0.99, null, LocalDate.of(2030, 1, 1))))
        .hasMessageContaining("to 2030-01-01 is outside the data, which covers 2020-01-01 .. ");
    assertThatThrownBy(
            () ->
                Backtest.run(
                    panel,
                    SYNTHETIC,
                    new BacktestSpec(longOne(), m, 5, 0.99, null, START.plusDays(598))))
        .hasMessageContaining("leaves no 5-day realised loss in the data");
    assertThatThrownBy(
            () -> new BacktestSpec(longOne(), m, 1, 0.99, START.plusDays(400), START.plusDays(300)))
        .hasMessage("from 2021-02-04 must not be after to 2020-10-27");
    assertThatThrownBy(() -> model(Map.of("lookbak", "250")))
        .hasMessageContaining("has no parameter 'lookbak'");
    assertThatThrownBy(() -> model(Map.of("measure", "parametric-var", "lambda", "0.9")))
        .hasMessageContaining("lambda is not a parameter of measure 'parametric-var'");
    assertThatThrownBy(
            () ->
                Backtest.run(
                    panel,
                    SYNTHETIC,
                    new BacktestSpec(
                        new BacktestPortfolio(
                            "p", "USD", List.of(new BacktestPortfolio.Holding("Y", 1))),
                        m,
                        1,
                        0.99,
                        null,
                        null)))
        .hasMessageContaining("price panel has no asset 'Y'");
  }
}

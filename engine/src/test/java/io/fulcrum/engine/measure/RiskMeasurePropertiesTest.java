package io.fulcrum.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties the measures must have on any data: VaR and ES monotone in alpha, ES &gt;= VaR,
 * translation invariance, positive homogeneity and subadditivity of the coherent measures. Data are
 * fat-tailed P&amp;L samples from fixed seeds; tolerances are absolute, in money.
 */
class RiskMeasurePropertiesTest {

  private static final RiskMeasures MEASURES = RiskMeasures.load();
  private static final double[] ALPHAS = {0.8, 0.9, 0.95, 0.975, 0.99, 0.995};
  private static final double TOLERANCE = 1e-9;

  /** Student-t-like P&amp;L: a normal divided by the root of a scaled chi-square with 3 df. */
  private static PnlVector fatTailedPnl(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] pnl = new double[n];
    for (int i = 0; i < n; i++) {
      double chi = 0.0;
      for (int j = 0; j < 3; j++) {
        double g = gaussian(random);
        chi += g * g;
      }
      pnl[i] = 1000.0 * gaussian(random) / Math.sqrt(chi / 3.0) + 50.0;
    }
    return PnlVector.of(pnl);
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller; enough for test data.
    return Math.sqrt(-2.0 * Math.log(1.0 - random.nextDouble()))
        * Math.cos(2.0 * Math.PI * random.nextDouble());
  }

  private static double value(String measure, MeasureInput input, Map<String, ?> parameters) {
    return MEASURES.get(measure).evaluate(input, MeasureParameters.of(parameters)).value();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "historical-var",
        "historical-es",
        "parametric-var",
        "parametric-es",
        "fhs-var",
        "fhs-es",
        "cornish-fisher-var"
      })
  void valueIsNonDecreasingInAlpha(String measure) {
    for (long seed = 1; seed <= 20; seed++) {
      PnlVector pnl = fatTailedPnl(seed, 500);
      double previous = Double.NEGATIVE_INFINITY;
      for (double alpha : ALPHAS) {
        double v = value(measure, pnl, Map.of("alpha", alpha));
        assertThat(v)
            .as("seed %d alpha %s", seed, alpha)
            .isGreaterThanOrEqualTo(previous - TOLERANCE);
        previous = v;
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"historical-var, historical-es", "parametric-var, parametric-es", "fhs-var, fhs-es"})
  void expectedShortfallIsAtLeastVarAtTheSameAlpha(String var, String es) {
    for (long seed = 1; seed <= 20; seed++) {
      PnlVector pnl = fatTailedPnl(seed, 250);
      for (double alpha : ALPHAS) {
        assertThat(value(es, pnl, Map.of("alpha", alpha)))
            .as("seed %d alpha %s", seed, alpha)
            .isGreaterThanOrEqualTo(value(var, pnl, Map.of("alpha", alpha)) - TOLERANCE);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"historical-es, alpha, 0.975", "spectral-exponential, k, 20"})
  void addingCashLowersTheMeasureByTheSameAmount(String measure, String key, String setting) {
    PnlVector pnl = fatTailedPnl(7, 250);
    double[] shifted = pnl.pnl();
    for (int i = 0; i < shifted.length; i++) {
      shifted[i] += 300.0;
    }
    assertThat(value(measure, PnlVector.of(shifted), Map.of(key, setting)))
        .isCloseTo(value(measure, pnl, Map.of(key, setting)) - 300.0, within(1e-8));
  }

  @ParameterizedTest
  @CsvSource({"historical-es, alpha, 0.975", "spectral-exponential, k, 20"})
  void scalingThePositionScalesTheMeasure(String measure, String key, String setting) {
    PnlVector pnl = fatTailedPnl(8, 250);
    double[] scaled = pnl.pnl();
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] *= 3.5;
    }
    assertThat(value(measure, PnlVector.of(scaled), Map.of(key, setting)))
        .isCloseTo(3.5 * value(measure, pnl, Map.of(key, setting)), within(1e-8));
  }

  @ParameterizedTest
  @CsvSource({
    "historical-es, alpha, 0.975",
    "historical-es, alpha, 0.9",
    "spectral-exponential, k, 20"
  })
  void measureOfACombinedBookIsAtMostTheSumOfItsParts(String measure, String key, String setting) {
    for (long seed = 1; seed <= 30; seed++) {
      double[] x = fatTailedPnl(seed, 250).pnl();
      double[] y = fatTailedPnl(seed + 1000, 250).pnl();
      double[] sum = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        y[i] -= 0.6 * x[i]; // partly hedged, so diversification matters
        sum[i] = x[i] + y[i];
      }
      double combined = value(measure, PnlVector.of(sum), Map.of(key, setting));
      double separate =
          value(measure, PnlVector.of(x), Map.of(key, setting))
              + value(measure, PnlVector.of(y), Map.of(key, setting));
      assertThat(combined).as("seed %d", seed).isLessThanOrEqualTo(separate + TOLERANCE);
    }
  }

  @Test
  void everyBuiltInMeasureIsRegistered() {
    assertThat(MEASURES.all().keySet())
        .contains(
            "historical-var",
            "historical-es",
            "parametric-var",
            "parametric-es",
            "cornish-fisher-var",
            "ewma-volatility",
            "fhs-var",
            "fhs-es",
            "spectral-exponential",
            "scenario-grid",
            "portfolio-var");
  }
}

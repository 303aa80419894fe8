package io.fulcrum.engine.measure.support;

import io.fulcrum.engine.measure.MeasureParameters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Loss-distribution helpers shared by the historical, filtered and spectral measures. Losses are L
 * = -x for outcomes x (gains positive). Inputs are never modified. Stateless; thread-safe.
 */
public final class Losses {

  /** Name of the quantile estimation-type parameter. */
  public static final String ESTIMATION_TYPE = "estimationType";

  private Losses() {}

  /** L_i = -x_i, in the original order. */
  public static double[] of(double[] outcomes) {
    double[] losses = new double[outcomes.length];
    for (int i = 0; i < outcomes.length; i++) {
      losses[i] = -outcomes[i];
    }
    return losses;
  }

  /** L_i = -x_i, sorted ascending: L_(1) is the largest gain, L_(n) the worst loss. */
  public static double[] sortedAscending(double[] outcomes) {
    double[] losses = of(outcomes);
    Arrays.sort(losses);
    return losses;
  }

  /**
   * The alpha-quantile of the losses of {@code outcomes}, by Commons Math {@link Percentile} with
   * the given estimation type (R_7 = Hyndman-Fan type 7, linear interpolation between order
   * statistics at h = (n - 1) alpha + 1).
   */
  public static double quantile(double[] outcomes, double alpha, EstimationType type) {
    return new Percentile().withEstimationType(type).evaluate(of(outcomes), alpha * 100.0);
  }

  /**
   * Acerbi-Tasche expected shortfall of the losses of {@code outcomes}: with m = n (1 - alpha), the
   * sum of the floor(m) worst losses plus (m - floor(m)) times the next worst, divided by m.
   * Reference: C. Acerbi, D. Tasche, "On the coherence of expected shortfall", J. Banking &amp;
   * Finance 26 (2002) 1487-1503, eq. (3.8) style estimator.
   */
  public static double acerbiTasche(double[] outcomes, double alpha) {
    double[] losses = sortedAscending(outcomes);
    int n = losses.length;
    double m = n * (1.0 - alpha);
    int whole = (int) Math.floor(m);
    double sum = 0.0;
    for (int i = 0; i < whole; i++) {
      sum += losses[n - 1 - i];
    }
    double fraction = m - whole;
    if (fraction > 0.0) {
      sum += fraction * losses[n - 1 - whole];
    }
    return sum / m;
  }

  /**
   * The estimation type named by {@value #ESTIMATION_TYPE} (default R_7, Hyndman-Fan type 7, as
   * numpy's default), recorded in {@code inputs}.
   */
  public static EstimationType estimationType(
      MeasureParameters parameters, Map<String, Object> inputs) {
    EstimationType type = estimationType(parameters.text(ESTIMATION_TYPE, "R_7"));
    inputs.put(ESTIMATION_TYPE, type.name());
    return type;
  }

  /**
   * Parses {@value #ESTIMATION_TYPE}: a Commons Math {@link EstimationType} name, case-insensitive.
   */
  public static EstimationType estimationType(String text) {
    for (EstimationType type : EstimationType.values()) {
      if (type.name().equalsIgnoreCase(text.trim())) {
        return type;
      }
    }
    throw MeasureArguments.invalid(
        ESTIMATION_TYPE,
        "one of " + Arrays.toString(EstimationType.values()).toLowerCase(Locale.ROOT),
        text);
  }
}

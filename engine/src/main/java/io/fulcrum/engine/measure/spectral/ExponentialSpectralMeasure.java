package io.fulcrum.engine.measure.spectral;

import io.fulcrum.engine.measure.support.Losses;
import io.fulcrum.engine.measure.support.MeasureArguments;
import io.fulcrum.engine.measure.support.Observations;
import io.fulcrum.engine.measure.support.SeriesMeasure;
import java.util.Set;

/**
 * {@code spectral-exponential}: the spectral risk measure with exponential risk-aversion function
 * phi(p) = k e^(-k(1-p)) / (1 - e^(-k)), k &gt; 0, applied to the losses L = -x sorted ascending
 * L_(1) &lt;= ... &lt;= L_(n):
 *
 * <pre>
 *   M = sum_i w_i L_(i),   w_i = integral of phi over [(i-1)/n, i/n]
 *     = e^(-k(1 - i/n)) (1 - e^(-k/n)) / (1 - e^(-k))
 * </pre>
 *
 * The weights are exact (not a midpoint rule), non-negative, increasing in i and sum to 1, so M is
 * coherent: M(L + c) = M(L) + c and M(c L) = c M(L) for c &gt; 0. Larger k puts more weight on the
 * worst losses; k -&gt; 0 tends to the mean loss. Computed with expm1 so small k/n keeps its
 * precision. Units: those of the input. At least 2 observations. Reference: C. Acerbi, "Spectral
 * measures of risk: a coherent representation of subjective risk aversion", J. Banking &amp;
 * Finance 26 (2002) 1505-1518; K. Dowd, J. Cotter, G. Sorwar, "Spectral risk measures: properties
 * and limitations", J. Financial Services Research 34 (2008).
 *
 * <p>Parameters: {@code k} (risk aversion, default 10), {@code horizonDays}, {@code horizonMethod}.
 * There is no alpha. Stateless; thread-safe.
 */
public final class ExponentialSpectralMeasure extends SeriesMeasure {

  static final String K = "k";
  static final double DEFAULT_K = 10.0;

  public ExponentialSpectralMeasure() {
    super("spectral-exponential", 2, false, Set.of(K));
  }

  @Override
  protected double statistic(Observations series, Context context) {
    double k = MeasureArguments.positive(context.parameters(), K, DEFAULT_K);
    context.inputs().put(K, k);
    double[] losses = Losses.sortedAscending(series.values());
    double[] w = weights(losses.length, k);
    double sum = 0.0;
    for (int i = 0; i < losses.length; i++) {
      sum += w[i] * losses[i];
    }
    return sum;
  }

  /** w_1..w_n for n sorted losses (index 0 is w_1). */
  static double[] weights(int n, double k) {
    double scale = -Math.expm1(-k / n) / -Math.expm1(-k);
    double[] w = new double[n];
    for (int i = 1; i <= n; i++) {
      w[i - 1] = Math.exp(-k * (1.0 - (double) i / n)) * scale;
    }
    return w;
  }
}

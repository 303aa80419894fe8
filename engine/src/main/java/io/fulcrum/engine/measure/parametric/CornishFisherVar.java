package io.fulcrum.engine.measure.parametric;

import io.fulcrum.engine.measure.support.Losses;
import io.fulcrum.engine.measure.support.Observations;
import io.fulcrum.engine.measure.support.SeriesMeasure;
import io.fulcrum.engine.measure.support.StandardNormal;
import java.util.Set;
import org.apache.commons.math3.stat.descriptive.moment.Kurtosis;
import org.apache.commons.math3.stat.descriptive.moment.Skewness;

/**
 * {@code cornish-fisher-var}: modified VaR, the Gaussian VaR with the quantile corrected for
 * skewness and kurtosis of the losses L = -x:
 *
 * <pre>
 *   z_cf = z + (z^2 - 1) S / 6 + (z^3 - 3z) K / 24 - (2z^3 - 5z) S^2 / 36,   z = Phi^-1(alpha)
 *   VaR  = mean_L + z_cf s
 * </pre>
 *
 * Estimators (Commons Math, recorded in the inputs as {@code skewness}, {@code excessKurtosis},
 * {@code momentEstimator}): s is the sample standard deviation (n - 1); S the bias-adjusted sample
 * skewness G1 = n / ((n-1)(n-2)) sum ((L_i - mean)/s)^3 ({@code Skewness}); K the bias-adjusted
 * sample excess kurtosis G2 = n(n+1) / ((n-1)(n-2)(n-3)) sum ((L_i - mean)/s)^4 - 3(n-1)^2 /
 * ((n-2)(n-3)) ({@code Kurtosis}); these equal scipy's {@code skew(bias=False)} and {@code
 * kurtosis(bias=False)}. A series with (near) zero variance has S = K = 0. At least 4 observations.
 * The expansion is unreliable for large |S| or K (z_cf may not be monotone in alpha). Reference: L.
 * Favre, J.-A. Galeano, "Mean-modified value-at-risk optimization with hedge funds", J. Alternative
 * Investments 5 (2002); Zangari, RiskMetrics Monitor Q1 1996.
 *
 * <p>Parameters: {@code alpha} (default 0.99), {@code horizonDays}, {@code horizonMethod}.
 * Stateless; thread-safe.
 */
public final class CornishFisherVar extends SeriesMeasure {

  static final String ESTIMATOR =
      "bias-adjusted sample skewness G1 and excess kurtosis G2 (Commons Math Skewness, Kurtosis)";

  public CornishFisherVar() {
    super("cornish-fisher-var", 4, true, Set.of());
  }

  @Override
  protected double statistic(Observations series, Context context) {
    double[] losses = Losses.of(series.values());
    SampleMoments moments = SampleMoments.ofLosses(series.values(), context);
    // Commons Math divides 0 by 0 for a constant series; the expansion then has no correction.
    boolean degenerate = moments.standardDeviation() == 0.0;
    double skew = degenerate ? 0.0 : new Skewness().evaluate(losses);
    double kurt = degenerate ? 0.0 : new Kurtosis().evaluate(losses);
    context.inputs().put("skewness", skew);
    context.inputs().put("excessKurtosis", kurt);
    context.inputs().put("momentEstimator", ESTIMATOR);
    double z = StandardNormal.quantile(context.alpha());
    double zcf = adjustedQuantile(z, skew, kurt);
    context.details().put("z", z);
    context.details().put("cornishFisherZ", zcf);
    return moments.mean() + zcf * moments.standardDeviation();
  }

  static double adjustedQuantile(double z, double skew, double excessKurtosis) {
    double z2 = z * z;
    double z3 = z2 * z;
    return z
        + (z2 - 1.0) * skew / 6.0
        + (z3 - 3.0 * z) * excessKurtosis / 24.0
        - (2.0 * z3 - 5.0 * z) * skew * skew / 36.0;
  }
}

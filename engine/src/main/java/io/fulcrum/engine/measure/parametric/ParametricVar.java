package io.fulcrum.engine.measure.parametric;

import io.fulcrum.engine.measure.support.Observations;
import io.fulcrum.engine.measure.support.SeriesMeasure;
import io.fulcrum.engine.measure.support.StandardNormal;
import java.util.Set;

/**
 * {@code parametric-var}: Gaussian (variance-covariance) VaR, VaR = z_alpha s - mean, with mean and
 * the sample standard deviation s (n - 1 denominator) of the outcomes x and z_alpha = Phi^-1(alpha)
 * (Commons Math {@code NormalDistribution}). Units: those of the input; positive means a loss. At
 * least 2 observations; a constant series gives -mean. Reference: J.P. Morgan/Reuters, "RiskMetrics
 * Technical Document" (1996), section 6.2; P. Jorion, "Value at Risk", 3rd ed. (2007), ch. 5.
 *
 * <p>Parameters: {@code alpha} (default 0.99), {@code horizonDays}, {@code horizonMethod}.
 * Stateless; thread-safe.
 */
public final class ParametricVar extends SeriesMeasure {

  public ParametricVar() {
    super("parametric-var", 2, true, Set.of());
  }

  @Override
  protected double statistic(Observations series, Context context) {
    SampleMoments moments = SampleMoments.ofLosses(series.values(), context);
    double z = StandardNormal.quantile(context.alpha());
    context.details().put("z", z);
    return z * moments.standardDeviation() + moments.mean();
  }
}

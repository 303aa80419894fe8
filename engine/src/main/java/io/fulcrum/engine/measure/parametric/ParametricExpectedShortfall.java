package io.fulcrum.engine.measure.parametric;

import io.fulcrum.engine.measure.support.Observations;
import io.fulcrum.engine.measure.support.SeriesMeasure;
import io.fulcrum.engine.measure.support.StandardNormal;
import java.util.Set;

/**
 * {@code parametric-es}: Gaussian expected shortfall, ES = s phi(z_alpha) / (1 - alpha) - mean,
 * with mean and sample standard deviation s (n - 1) of the outcomes x, z_alpha = Phi^-1(alpha) and
 * phi the standard normal density. At alpha = 0.975, phi(z)/(1 - alpha) = 2.337802. Units: those of
 * the input; positive means a loss. At least 2 observations. Reference: A. McNeil, R. Frey, P.
 * Embrechts, "Quantitative Risk Management", rev. ed. (2015), example 2.14.
 *
 * <p>Parameters: {@code alpha} (default 0.99), {@code horizonDays}, {@code horizonMethod}.
 * Stateless; thread-safe.
 */
public final class ParametricExpectedShortfall extends SeriesMeasure {

  public ParametricExpectedShortfall() {
    super("parametric-es", 2, true, Set.of());
  }

  @Override
  protected double statistic(Observations series, Context context) {
    SampleMoments moments = SampleMoments.ofLosses(series.values(), context);
    double z = StandardNormal.quantile(context.alpha());
    double factor = StandardNormal.density(z) / (1.0 - context.alpha());
    context.details().put("z", z);
    context.details().put("shortfallFactor", factor);
    return factor * moments.standardDeviation() + moments.mean();
  }
}

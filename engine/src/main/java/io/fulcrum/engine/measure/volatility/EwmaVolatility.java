package io.fulcrum.engine.measure.volatility;

import io.fulcrum.engine.measure.support.Ewma;
import io.fulcrum.engine.measure.support.Observations;
import io.fulcrum.engine.measure.support.SeriesMeasure;
import java.util.Set;

/**
 * {@code ewma-volatility}: the RiskMetrics volatility sigma_n of the outcomes x_1..x_n,
 *
 * <pre>
 *   sigma^2_1 = x_1^2,   sigma^2_t = lambda sigma^2_{t-1} + (1 - lambda) x_t^2,   result sigma_n
 * </pre>
 *
 * zero-mean, per period of the input (a one-day volatility for daily returns), times sqrt(h) with
 * {@code horizonDays} = h under sqrt-time. Not a loss quantile, so there is no alpha. Units: those
 * of the input. At least 2 observations. Reference: J.P. Morgan/Reuters, "RiskMetrics Technical
 * Document", 4th ed. (1996), section 5.2.1; lambda = 0.94 is its daily decay factor.
 *
 * <p>Parameters: {@code lambda} in (0,1) (default 0.94), {@code horizonDays}, {@code
 * horizonMethod}. Stateless; thread-safe.
 */
public final class EwmaVolatility extends SeriesMeasure {

  public EwmaVolatility() {
    super("ewma-volatility", 2, false, Set.of(Ewma.LAMBDA));
  }

  @Override
  protected double statistic(Observations series, Context context) {
    double lambda = Ewma.lambda(context.parameters());
    context.inputs().put(Ewma.LAMBDA, lambda);
    double[] sigma = Ewma.volatilities(series.values(), lambda);
    return sigma[sigma.length - 1];
  }
}

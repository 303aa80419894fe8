package io.fulcrum.engine.measure.historical;

import io.fulcrum.engine.measure.support.Ewma;
import io.fulcrum.engine.measure.support.Observations;
import java.util.Set;

/**
 * {@code fhs-var}: filtered historical simulation VaR. Each one-day outcome is rescaled to today's
 * volatility, x*_t = x_t sigma_n / sigma_t with the RiskMetrics EWMA sigma (see {@link Ewma};
 * sigma^2_1 = x_1^2), then {@link HistoricalVar} is taken of x* (over the holding period, which
 * aggregates the rescaled series). Where sigma_t = 0 the rescaled outcome is 0. Units: those of the
 * input. Reference: J. Hull, A. White, "Incorporating volatility updating into the historical
 * simulation method for value-at-risk", J. Risk 1 (1998); G. Barone-Adesi, K. Giannopoulos, L.
 * Vosper, "VaR without correlations for portfolios of derivative securities", J. Futures Markets 19
 * (1999).
 *
 * <p>Parameters: {@code alpha} (default 0.99), {@code lambda} (default 0.94), {@code
 * estimationType} (default R_7), {@code horizonDays}, {@code horizonMethod}. Stateless;
 * thread-safe.
 */
public class FilteredHistoricalVar extends HistoricalVar {

  public FilteredHistoricalVar() {
    super("fhs-var", Set.of(Ewma.LAMBDA));
  }

  @Override
  protected Observations prepare(Observations oneDay, Context context) {
    return FilteredSeries.rescale(oneDay, context);
  }
}

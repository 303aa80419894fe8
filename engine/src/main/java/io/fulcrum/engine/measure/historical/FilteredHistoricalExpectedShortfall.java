package io.fulcrum.engine.measure.historical;

import io.fulcrum.engine.measure.support.Ewma;
import io.fulcrum.engine.measure.support.Observations;
import java.util.Set;

/**
 * {@code fhs-es}: filtered historical simulation expected shortfall. Each one-day outcome is
 * rescaled to today's volatility, x*_t = x_t sigma_n / sigma_t with the RiskMetrics EWMA sigma (see
 * {@link Ewma}; sigma^2_1 = x_1^2), then the Acerbi-Tasche {@link HistoricalExpectedShortfall} is
 * taken of x* (over the holding period, which aggregates the rescaled series). Where sigma_t = 0
 * the rescaled outcome is 0. Units: those of the input. Reference: G. Barone-Adesi, K.
 * Giannopoulos, L. Vosper, "VaR without correlations for portfolios of derivative securities", J.
 * Futures Markets 19 (1999) 583-602.
 *
 * <p>Parameters: {@code alpha} (default 0.99), {@code lambda} (default 0.94), {@code horizonDays},
 * {@code horizonMethod}. Stateless; thread-safe.
 */
public class FilteredHistoricalExpectedShortfall extends HistoricalExpectedShortfall {

  public FilteredHistoricalExpectedShortfall() {
    super("fhs-es", Set.of(Ewma.LAMBDA));
  }

  @Override
  protected Observations prepare(Observations oneDay, Context context) {
    return FilteredSeries.rescale(oneDay, context);
  }
}

package io.fulcrum.engine.measure.portfolio;

import io.fulcrum.engine.measure.HistoricalPortfolio;
import io.fulcrum.engine.measure.MeasureParameters;
import io.fulcrum.engine.measure.support.Ewma;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code fhs-portfolio-es}: filtered historical simulation expected shortfall of a portfolio's
 * P&amp;L with full revaluation (see {@link HistoricalPortfolioShortfall} for the simulation). Each
 * underlying's one-day returns over the window are rescaled to today's volatility, x_t = r_t
 * sigma_n / sigma_t, with the RiskMetrics EWMA of that underlying ({@link Ewma}, sigma^2_1 = r_1^2,
 * decay {@code lambda}, default 0.94), before the scenarios are formed; the rescaled days of all
 * underlyings then move jointly. For one linear position this equals {@code fhs-es} of the
 * underlying's returns times the position's value. Reference: G. Barone-Adesi, K. Giannopoulos, L.
 * Vosper, "VaR without correlations for portfolios of derivative securities", J. Futures Markets 19
 * (1999) 583-602.
 *
 * <p>Caching: the rescaled series depends only on the market data, lambda and the window, so it is
 * kept in {@link FilteredReturnsCache} under the returns' content key (source SHA-256, asset, date
 * range) plus lambda and the window, and computed once per data-set version; only the revaluation
 * runs per decision. Details: {@code latestVolatility.<underlying>} (sigma_n, per day). Stateless
 * apart from that cache; thread-safe.
 */
public final class FilteredHistoricalPortfolioEs extends HistoricalPortfolioShortfall {

  public FilteredHistoricalPortfolioEs() {
    super("fhs-portfolio-es", Set.of(Ewma.LAMBDA));
  }

  @Override
  protected double[] scenarioReturns(
      String underlying,
      HistoricalPortfolio.UnderlyingReturns returns,
      Window window,
      MeasureParameters parameters) {
    double lambda = Ewma.lambda(parameters);
    window.inputs().put(Ewma.LAMBDA, lambda);
    String key =
        returns.contentKey() == null
            ? null
            : returns.contentKey()
                + "|lambda="
                + lambda
                + "|window="
                + window.from()
                + "-"
                + window.to();
    FilteredReturnsCache.Filtered filtered =
        FilteredReturnsCache.get(
            key,
            () ->
                FilteredReturnsCache.Filtered.of(
                    slice(returns.values(), window.from(), window.to()), lambda));
    @SuppressWarnings("unchecked")
    TreeMap<String, Object> vols =
        (TreeMap<String, Object>)
            window
                .details()
                .computeIfAbsent("latestVolatility", k -> new TreeMap<String, Object>());
    vols.put(underlying, filtered.latestVolatility());
    return filtered.rescaled();
  }
}

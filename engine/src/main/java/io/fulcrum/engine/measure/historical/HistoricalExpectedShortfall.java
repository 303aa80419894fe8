package io.fulcrum.engine.measure.historical;

import io.fulcrum.engine.measure.support.Losses;
import io.fulcrum.engine.measure.support.Observations;
import io.fulcrum.engine.measure.support.SeriesMeasure;
import java.util.Set;

/**
 * {@code historical-es}: the Acerbi-Tasche expected shortfall of the empirical losses L = -x.
 *
 * <p>With m = n (1 - alpha) and the losses sorted worst first, ES = (sum of the floor(m) worst
 * losses + (m - floor(m)) x the next worst loss) / m. This is the ES of the empirical distribution,
 * so it is coherent (monotone, subadditive, positively homogeneous, translation invariant) and ES
 * &gt;= VaR for every estimation type between order statistics. Units: those of the input; positive
 * means a loss. At least 2 observations. Reference: C. Acerbi, D. Tasche, "On the coherence of
 * expected shortfall", J. Banking &amp; Finance 26 (2002) 1487-1503.
 *
 * <p>Parameters: {@code alpha} (default 0.99), {@code horizonDays}, {@code horizonMethod}.
 * Stateless; thread-safe.
 */
public class HistoricalExpectedShortfall extends SeriesMeasure {

  public HistoricalExpectedShortfall() {
    this("historical-es", Set.of());
  }

  /** For variants that transform the series first and take more parameters. */
  protected HistoricalExpectedShortfall(String name, Set<String> moreParameters) {
    super(name, 2, true, moreParameters);
  }

  @Override
  protected final double statistic(Observations series, Context context) {
    context.details().put("tailObservations", series.size() * (1.0 - context.alpha()));
    return Losses.acerbiTasche(series.values(), context.alpha());
  }
}

package io.fulcrum.engine.measure.historical;

import io.fulcrum.engine.measure.support.Losses;
import io.fulcrum.engine.measure.support.Observations;
import io.fulcrum.engine.measure.support.SeriesMeasure;
import java.util.Set;

/**
 * {@code historical-var}: the alpha-quantile of the empirical losses L = -x.
 *
 * <p>With the default {@code estimationType=R_7} (Hyndman-Fan type 7, numpy's default): sort the
 * losses ascending L_(1) &lt;= ... &lt;= L_(n), h = (n - 1) alpha + 1, VaR = L_(floor h) + (h -
 * floor h)(L_(floor h + 1) - L_(floor h)). Other Commons Math {@code Percentile.EstimationType}
 * names (LEGACY, R_1 ... R_9) are accepted. Units: those of the input (fraction for returns, money
 * for P&amp;L); positive means a loss. At least 2 observations; NaN cannot occur (inputs reject
 * it). Reference: R. J. Hyndman, Y. Fan, "Sample quantiles in statistical packages", The American
 * Statistician 50 (1996) 361-365.
 *
 * <p>Parameters: {@code alpha} (default 0.99), {@code estimationType}, {@code horizonDays}, {@code
 * horizonMethod}. Stateless; thread-safe.
 */
public class HistoricalVar extends SeriesMeasure {

  public HistoricalVar() {
    this("historical-var", Set.of());
  }

  /** For variants that transform the series first and take more parameters. */
  protected HistoricalVar(String name, Set<String> moreParameters) {
    super(name, 2, true, union(moreParameters, Losses.ESTIMATION_TYPE));
  }

  @Override
  protected final double statistic(Observations series, Context context) {
    return Losses.quantile(
        series.values(),
        context.alpha(),
        Losses.estimationType(context.parameters(), context.inputs()));
  }
}

package io.fulcrum.engine.measure.historical;

import io.fulcrum.engine.measure.support.Ewma;
import io.fulcrum.engine.measure.support.Observations;
import io.fulcrum.engine.measure.support.SeriesMeasure.Context;

/** The filtering step shared by the filtered-historical-simulation measures. */
final class FilteredSeries {

  private FilteredSeries() {}

  /** r_t sigma_n / sigma_t with the RiskMetrics EWMA; records lambda and sigma_n. */
  static Observations rescale(Observations oneDay, Context context) {
    double lambda = Ewma.lambda(context.parameters());
    context.inputs().put(Ewma.LAMBDA, lambda);
    double[] sigma = Ewma.volatilities(oneDay.values(), lambda);
    context.details().put("latestVolatility", sigma[sigma.length - 1]);
    return oneDay.withValues(Ewma.rescaleToLatest(oneDay.values(), lambda));
  }
}

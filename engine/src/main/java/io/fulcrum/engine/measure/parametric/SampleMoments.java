package io.fulcrum.engine.measure.parametric;

import io.fulcrum.engine.measure.support.SeriesMeasure.Context;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Mean and sample standard deviation (n - 1 denominator) of the losses L = -x, by Commons Math,
 * recorded in the result's details.
 */
record SampleMoments(double mean, double standardDeviation) {

  static SampleMoments ofLosses(double[] outcomes, Context context) {
    double mean = -new Mean().evaluate(outcomes);
    double sd = new StandardDeviation(true).evaluate(outcomes);
    context.details().put("lossMean", mean);
    context.details().put("standardDeviation", sd);
    return new SampleMoments(mean, sd);
  }
}

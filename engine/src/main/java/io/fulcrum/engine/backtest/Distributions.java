package io.fulcrum.engine.backtest;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/** Commons Math distributions without a random generator (cheap, thread-safe for cdf use). */
final class Distributions {

  private Distributions() {}

  static ChiSquaredDistribution chiSquared(int degreesOfFreedom) {
    return new ChiSquaredDistribution(null, degreesOfFreedom);
  }

  static BinomialDistribution binomial(int trials, double p) {
    return new BinomialDistribution(null, trials, p);
  }

  /** x ln(y), with 0 ln(0) = 0 (the limit used by the likelihood ratios). */
  static double xLogY(double x, double y) {
    return x == 0.0 ? 0.0 : x * Math.log(y);
  }
}

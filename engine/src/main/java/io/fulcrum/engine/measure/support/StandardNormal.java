package io.fulcrum.engine.measure.support;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The standard normal distribution, one shared Commons Math instance (no random generator is
 * created, so it is cheap and thread-safe for cdf, density and quantile).
 */
public final class StandardNormal {

  private static final NormalDistribution N = new NormalDistribution(null, 0.0, 1.0);

  private StandardNormal() {}

  /** z_p = Phi^-1(p), p in (0,1). */
  public static double quantile(double p) {
    return N.inverseCumulativeProbability(p);
  }

  /** Phi(x). */
  public static double cdf(double x) {
    return N.cumulativeProbability(x);
  }

  /** phi(x) = exp(-x^2/2) / sqrt(2 pi). */
  public static double density(double x) {
    return N.density(x);
  }
}

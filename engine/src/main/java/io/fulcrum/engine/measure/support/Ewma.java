package io.fulcrum.engine.measure.support;

import io.fulcrum.engine.measure.MeasureParameters;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * RiskMetrics exponentially weighted moving average (J.P. Morgan/Reuters, "RiskMetrics Technical
 * Document", 4th ed., 1996, section 5.2.1), seeded with the first observation:
 *
 * <pre>
 *   sigma^2_1 = r_1^2,   sigma^2_t = lambda sigma^2_{t-1} + (1 - lambda) r_t^2
 *   Sigma_1 = r_1 r_1',  Sigma_t   = lambda Sigma_{t-1}   + (1 - lambda) r_t r_t'
 * </pre>
 *
 * Zero-mean; units of r per period. Stateless; thread-safe.
 */
public final class Ewma {

  public static final String LAMBDA = "lambda";
  public static final double RISKMETRICS_DAILY_LAMBDA = 0.94;

  private Ewma() {}

  /** The decay factor {@value #LAMBDA} in (0,1), default {@value #RISKMETRICS_DAILY_LAMBDA}. */
  public static double lambda(MeasureParameters parameters) {
    return MeasureArguments.openUnitInterval(parameters, LAMBDA, RISKMETRICS_DAILY_LAMBDA);
  }

  /** sigma_1..sigma_n (volatilities, not variances) of {@code r}, non-empty. */
  public static double[] volatilities(double[] r, double lambda) {
    double[] sigma = new double[r.length];
    double variance = r[0] * r[0];
    sigma[0] = Math.sqrt(variance);
    for (int t = 1; t < r.length; t++) {
      variance = lambda * variance + (1.0 - lambda) * r[t] * r[t];
      sigma[t] = Math.sqrt(variance);
    }
    return sigma;
  }

  /**
   * Filtered historical simulation rescaling (Hull and White 1998; Barone-Adesi, Giannopoulos and
   * Vosper 1999): r_t sigma_n / sigma_t. Where sigma_t = 0, r_t is 0 too (sigma^2_t &gt;= (1 -
   * lambda) r_t^2, and sigma^2_1 = r_1^2), and the rescaled value is taken as 0.
   */
  public static double[] rescaleToLatest(double[] r, double lambda) {
    double[] sigma = volatilities(r, lambda);
    double latest = sigma[r.length - 1];
    double[] rescaled = new double[r.length];
    for (int t = 0; t < r.length; t++) {
      rescaled[t] = sigma[t] == 0.0 ? 0.0 : r[t] * latest / sigma[t];
    }
    return rescaled;
  }

  /** Sigma_n for rows of returns {@code rows[t][asset]}, at least one row. */
  public static RealMatrix covariance(double[][] rows, double lambda) {
    int assets = rows[0].length;
    double[][] sigma = new double[assets][assets];
    addOuter(sigma, rows[0], 0.0, 1.0);
    for (int t = 1; t < rows.length; t++) {
      addOuter(sigma, rows[t], lambda, 1.0 - lambda);
    }
    return new Array2DRowRealMatrix(sigma, false);
  }

  private static void addOuter(double[][] sigma, double[] r, double decay, double weight) {
    for (int i = 0; i < r.length; i++) {
      for (int j = 0; j < r.length; j++) {
        sigma[i][j] = decay * sigma[i][j] + weight * r[i] * r[j];
      }
    }
  }
}

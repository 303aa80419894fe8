package io.fulcrum.engine.measure.portfolio;

import io.fulcrum.engine.measure.MeasureParameters;
import io.fulcrum.engine.measure.support.Ewma;
import io.fulcrum.engine.measure.support.MeasureArguments;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.Covariance;

/** How the covariance matrix of daily asset returns is estimated. */
public enum CovarianceMethod {
  /** Unbiased sample covariance (n - 1 denominator, around the sample mean), Commons Math. */
  SAMPLE,
  /** RiskMetrics EWMA, zero-mean, Sigma_1 = r_1 r_1' (see {@link Ewma}); uses {@code lambda}. */
  EWMA;

  public static final String PARAMETER = "covariance";

  /** Reads {@value #PARAMETER} (default sample); {@code lambda} is accepted only with ewma. */
  static CovarianceMethod from(MeasureParameters parameters) {
    String text = parameters.text(PARAMETER, "sample");
    CovarianceMethod method =
        Arrays.stream(values())
            .filter(m -> m.label().equalsIgnoreCase(text.trim()))
            .findFirst()
            .orElseThrow(() -> MeasureArguments.invalid(PARAMETER, "sample or ewma", text));
    if (method == SAMPLE && parameters.has(Ewma.LAMBDA)) {
      throw MeasureArguments.invalid(
          Ewma.LAMBDA, "given only with covariance=ewma", parameters.text(Ewma.LAMBDA, ""));
    }
    return method;
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The covariance of {@code returns[t][asset]}; records the settings used in {@code inputs}. */
  RealMatrix estimate(
      double[][] returns, MeasureParameters parameters, Map<String, Object> inputs) {
    inputs.put(PARAMETER, label());
    if (this == SAMPLE) {
      return new Covariance(returns, true).getCovarianceMatrix();
    }
    double lambda = Ewma.lambda(parameters);
    inputs.put(Ewma.LAMBDA, lambda);
    return Ewma.covariance(returns, lambda);
  }
}

package io.fulcrum.engine.backtest;

/**
 * A likelihood-ratio test outcome.
 *
 * @param test e.g. {@code kupiec-pof}
 * @param statistic the LR statistic, &gt;= 0
 * @param degreesOfFreedom of its asymptotic chi-square distribution
 * @param pValue P(chi-square(df) &gt;= statistic), from Commons Math
 * @param rejectedAt5Percent whether pValue &lt; 0.05
 */
public record TestResult(
    String test,
    double statistic,
    int degreesOfFreedom,
    double pValue,
    boolean rejectedAt5Percent) {

  static TestResult of(String test, double statistic, int degreesOfFreedom) {
    double lr = Math.max(0.0, statistic); // rounding can give -1e-15 for an exact fit
    double p = 1.0 - Distributions.chiSquared(degreesOfFreedom).cumulativeProbability(lr);
    return new TestResult(test, lr, degreesOfFreedom, p, p < 0.05);
  }
}

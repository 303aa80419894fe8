package io.fulcrum.engine.backtest;

import java.util.Locale;

/**
 * Kupiec's proportion-of-failures (unconditional coverage) test. With n observations, x breaches,
 * expected breach probability p = 1 - alpha and observed rate p^ = x / n:
 *
 * <pre>
 *   LR_uc = -2 ln[ (1 - p)^(n - x) p^x / ((1 - p^)^(n - x) p^^x) ]  ~  chi-square(1)
 * </pre>
 *
 * with 0 ln 0 = 0 (so x = 0 gives LR_uc = -2 n ln(1 - p)). Reference: P. Kupiec, "Techniques for
 * verifying the accuracy of risk measurement models", J. Derivatives 3 (1995) 73-84. Stateless.
 */
public final class Kupiec {

  public static final String NAME = "kupiec-pof";

  private Kupiec() {}

  /** The LR_uc statistic; arguments as in {@link #test}. */
  public static double statistic(int observations, int breaches, double confidence) {
    requireCounts(observations, breaches, confidence);
    double n = observations;
    double x = breaches;
    double p = 1.0 - confidence;
    double pHat = x / n;
    double nullModel = Distributions.xLogY(n - x, 1.0 - p) + Distributions.xLogY(x, p);
    double fitted = Distributions.xLogY(n - x, 1.0 - pHat) + Distributions.xLogY(x, pHat);
    return -2.0 * (nullModel - fitted);
  }

  /**
   * @param observations n &gt;= 1
   * @param breaches x in [0, n]
   * @param confidence alpha in (0,1), the margin's coverage level (breach probability 1 - alpha)
   */
  public static TestResult test(int observations, int breaches, double confidence) {
    return TestResult.of(NAME, statistic(observations, breaches, confidence), 1);
  }

  static void requireCounts(int observations, int breaches, double confidence) {
    if (observations < 1) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "observations must be >= 1 but was %d", observations));
    }
    if (breaches < 0 || breaches > observations) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "breaches must be in [0, observations=%d] but was %d",
              observations,
              breaches));
    }
    if (!(confidence > 0.0 && confidence < 1.0)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "confidence must be in (0,1) but was %s", confidence));
    }
  }
}

package io.fulcrum.engine.backtest;

import java.util.Locale;

/**
 * Christoffersen's independence and conditional-coverage tests on a breach sequence I_1..I_n. From
 * the n - 1 day-to-day transitions count n_ij (state i then j; 1 = breach), with pi_01 = n01 / (n00
 * + n01), pi_11 = n11 / (n10 + n11) and pi = (n01 + n11) / (n - 1):
 *
 * <pre>
 *   LR_ind = -2 ln[ (1 - pi)^(n00 + n10) pi^(n01 + n11)
 *                   / ((1 - pi_01)^n00 pi_01^n01 (1 - pi_11)^n10 pi_11^n11) ]  ~  chi-square(1)
 *   LR_cc  = LR_uc + LR_ind                                                    ~  chi-square(2)
 * </pre>
 *
 * with 0 ln 0 = 0; LR_uc is {@link Kupiec} on all n days (the usual convention; the transitions
 * cover n - 1). With an h-day margin period of risk, overlapping loss windows make breaches cluster
 * by construction, so independence is expected to be rejected for h &gt; 1. Reference: P.
 * Christoffersen, "Evaluating interval forecasts", Int. Economic Review 39 (1998) 841-862.
 */
public final class Christoffersen {

  public static final String INDEPENDENCE = "christoffersen-independence";
  public static final String CONDITIONAL_COVERAGE = "christoffersen-conditional-coverage";

  private Christoffersen() {}

  /** Transition counts of a breach sequence. */
  public record Transitions(int n00, int n01, int n10, int n11) {

    public static Transitions of(boolean[] breaches) {
      int[] c = new int[4];
      for (int t = 1; t < breaches.length; t++) {
        c[(breaches[t - 1] ? 2 : 0) + (breaches[t] ? 1 : 0)]++;
      }
      return new Transitions(c[0], c[1], c[2], c[3]);
    }
  }

  public static double independenceStatistic(Transitions t) {
    double n00 = t.n00();
    double n01 = t.n01();
    double n10 = t.n10();
    double n11 = t.n11();
    double total = n00 + n01 + n10 + n11;
    if (total == 0) {
      return 0.0;
    }
    double pi = (n01 + n11) / total;
    double pi01 = n00 + n01 == 0 ? 0.0 : n01 / (n00 + n01);
    double pi11 = n10 + n11 == 0 ? 0.0 : n11 / (n10 + n11);
    double restricted =
        Distributions.xLogY(n00 + n10, 1.0 - pi) + Distributions.xLogY(n01 + n11, pi);
    double unrestricted =
        Distributions.xLogY(n00, 1.0 - pi01)
            + Distributions.xLogY(n01, pi01)
            + Distributions.xLogY(n10, 1.0 - pi11)
            + Distributions.xLogY(n11, pi11);
    return -2.0 * (restricted - unrestricted);
  }

  public static TestResult independence(boolean[] breaches) {
    requireLength(breaches);
    return TestResult.of(INDEPENDENCE, independenceStatistic(Transitions.of(breaches)), 1);
  }

  public static TestResult conditionalCoverage(boolean[] breaches, double confidence) {
    requireLength(breaches);
    int x = 0;
    for (boolean b : breaches) {
      x += b ? 1 : 0;
    }
    double lr =
        Kupiec.statistic(breaches.length, x, confidence)
            + independenceStatistic(Transitions.of(breaches));
    return TestResult.of(CONDITIONAL_COVERAGE, lr, 2);
  }

  private static void requireLength(boolean[] breaches) {
    if (breaches.length < 2) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "breach sequence must have at least 2 days but had %d",
              breaches.length));
    }
  }
}

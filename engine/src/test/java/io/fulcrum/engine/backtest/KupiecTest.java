package io.fulcrum.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Kupiec POF against hand-computed values. Tolerances: statistics 1e-12 (same closed form evaluated
 * by hand in double precision), p-values 1e-9 (Commons Math chi-square cdf).
 */
class KupiecTest {

  @Test
  void statistic_matchesHandComputation_n250_x8_at99() {
    // p = 0.01, p^ = 8/250 = 0.032.
    // ln L0 = 242 ln 0.99 + 8 ln 0.01 = -2.432202... - 36.841361... = -39.273564...
    // ln L1 = 242 ln 0.968 + 8 ln 0.032 = -7.870808... - 27.532... = -35.406789...
    // LR = -2 (ln L0 - ln L1) = 7.733550724494...; p = P(chi2(1) >= 7.7336) = erfc(sqrt(LR/2))
    // = 0.0054204051941 (scipy.stats.chi2.sf gives the same).
    TestResult r = Kupiec.test(250, 8, 0.99);
    assertThat(r.statistic()).isCloseTo(7.7335507244945205, within(1e-12));
    assertThat(r.degreesOfFreedom()).isEqualTo(1);
    assertThat(r.pValue()).isCloseTo(0.0054204051941278, within(1e-9));
    assertThat(r.rejectedAt5Percent()).isTrue();
  }

  @Test
  void zeroBreaches_giveMinusTwoNLnOneMinusP() {
    // x = 0: LR = -2 x 250 x ln(0.99) = 5.025167926750726 (0 ln 0 = 0).
    assertThat(Kupiec.statistic(250, 0, 0.99)).isCloseTo(-500 * Math.log(0.99), within(1e-12));
  }

  @Test
  void nonRejectionRegion_at99_over250Days_isFewerThan7Breaches() {
    // Jorion, "Value at Risk" 3rd ed., Table 6-2 (from Kupiec 1995): T = 250, p = 1%: N < 7.
    // LR(6) = 3.5553547710617 < 3.841 (chi2(1) 95%) < LR(7) = 5.4969904477927.
    assertThat(Kupiec.test(250, 6, 0.99).rejectedAt5Percent()).isFalse();
    assertThat(Kupiec.statistic(250, 6, 0.99)).isCloseTo(3.5553547710617437, within(1e-12));
    assertThat(Kupiec.test(250, 7, 0.99).rejectedAt5Percent()).isTrue();
    assertThat(Kupiec.statistic(250, 7, 0.99)).isCloseTo(5.496990447792683, within(1e-12));
  }

  @Test
  void expectedBreachCount_isNotRejected() {
    // x = n p exactly: p^ = p, LR = 0, p-value 1.
    TestResult r = Kupiec.test(1000, 10, 0.99);
    assertThat(r.statistic()).isCloseTo(0.0, within(1e-12));
    assertThat(r.pValue()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void badCounts_areRejectedNamingTheArgument() {
    assertThatThrownBy(() -> Kupiec.test(0, 0, 0.99))
        .hasMessageContaining("observations must be >= 1");
    assertThatThrownBy(() -> Kupiec.test(250, 251, 0.99))
        .hasMessageContaining("breaches must be in [0");
    assertThatThrownBy(() -> Kupiec.test(250, 3, 1.2))
        .hasMessage("confidence must be in (0,1) but was 1.2");
  }
}

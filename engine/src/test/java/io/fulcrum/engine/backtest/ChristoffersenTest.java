package io.fulcrum.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Christoffersen (1998) independence and conditional coverage against hand-computed values.
 * Tolerances: statistics 1e-12, p-values 1e-9.
 */
class ChristoffersenTest {

  private static boolean[] breachesOn(int days, int... breachDays) {
    boolean[] b = new boolean[days];
    for (int d : breachDays) {
      b[d] = true;
    }
    return b;
  }

  @Test
  void transitions_countDayToDayPairs() {
    // 250 days, breaches on days 10, 11, 100, 150, 200: 249 transitions,
    // n01 = 4 (into 10, 100, 150, 200), n11 = 1 (10 -> 11), n10 = 4, n00 = 240.
    assertThat(Christoffersen.Transitions.of(breachesOn(250, 10, 11, 100, 150, 200)))
        .isEqualTo(new Christoffersen.Transitions(240, 4, 4, 1));
  }

  @Test
  void independence_andConditionalCoverage_matchHandComputation() {
    // pi = 5/249, pi01 = 4/244, pi11 = 1/5.
    // ln L(pi) = 244 ln(244/249) + 5 ln(5/249); ln L(pi01, pi11) = 240 ln(240/244) + 4 ln(4/244)
    //   + 4 ln(4/5) + 1 ln(1/5).  LR_ind = -2 (difference) = 3.153989286651445, p = 0.0757416.
    // LR_uc (n = 250, x = 5, 99%) = 1.956809788230622; LR_cc = 5.110799074882067,
    // p = P(chi2(2) >= 5.1108) = exp(-5.1108 / 2) = 0.0776612.
    boolean[] b = breachesOn(250, 10, 11, 100, 150, 200);
    TestResult ind = Christoffersen.independence(b);
    assertThat(ind.statistic()).isCloseTo(3.153989286651445, within(1e-12));
    assertThat(ind.pValue()).isCloseTo(0.07574158174658203, within(1e-9));
    assertThat(ind.rejectedAt5Percent()).isFalse();
    TestResult cc = Christoffersen.conditionalCoverage(b, 0.99);
    assertThat(cc.degreesOfFreedom()).isEqualTo(2);
    assertThat(cc.statistic()).isCloseTo(5.110799074882067, within(1e-12));
    assertThat(cc.pValue()).isCloseTo(Math.exp(-5.110799074882067 / 2), within(1e-9));
  }

  @Test
  void aRunOfBreaches_rejectsIndependence() {
    // Five consecutive breaches, days 100..104: n01 = 1, n11 = 4, n10 = 1, n00 = 243:
    // LR_ind = 30.98481265704308, p = 2.60e-8.
    TestResult ind = Christoffersen.independence(breachesOn(250, 100, 101, 102, 103, 104));
    assertThat(ind.statistic()).isCloseTo(30.98481265704308, within(1e-9));
    assertThat(ind.rejectedAt5Percent()).isTrue();
  }

  @Test
  void noBreaches_giveZeroIndependenceStatistic() {
    assertThat(Christoffersen.independence(new boolean[250]).statistic())
        .isCloseTo(0.0, within(1e-15));
  }
}

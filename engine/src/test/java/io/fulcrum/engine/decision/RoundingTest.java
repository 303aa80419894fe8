package io.fulcrum.engine.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RoundingTest {

  @Test
  void requirementsRoundUpSoTheyAreNeverUnderstated() {
    assertThat(Rounding.requirement(new BigDecimal("1.000000001")).toPlainString())
        .isEqualTo("1.00000001");
    assertThat(Rounding.requirement(new BigDecimal("-1.000000001")).toPlainString())
        .isEqualTo("-1.00000001");
  }

  @Test
  void balancesRoundHalfEven() {
    assertThat(Rounding.money(new BigDecimal("0.000000005")).toPlainString()).isEqualTo("0");
    assertThat(Rounding.money(new BigDecimal("0.000000015")).toPlainString())
        .isEqualTo("0.00000002");
  }

  @Test
  void equalNumbersPrintTheSame() {
    assertThat(Rounding.money(new BigDecimal("1300.000")).toPlainString()).isEqualTo("1300");
    assertThat(Rounding.money(new BigDecimal("1.3E+3")).toPlainString()).isEqualTo("1300");
  }
}

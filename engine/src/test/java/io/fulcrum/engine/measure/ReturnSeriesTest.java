package io.fulcrum.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The input rules of a simple-return series. */
class ReturnSeriesTest {

  @Test
  void aReturnOfMinus150Percent_isRefusedNamingItsIndex() {
    assertThatThrownBy(() -> ReturnSeries.of(0.01, -1.5, 0.02))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "returns[1] must be > -1 (a simple return p(t)/p(t-1) - 1 of a price cannot reach"
                + " -100%) but was -1.5");
  }

  @Test
  void minus100Percent_isRefused_justAboveIsKept() {
    assertThatThrownBy(() -> ReturnSeries.of(-1.0)).hasMessageContaining("returns[0] must be > -1");
    assertThat(ReturnSeries.of(-0.999).get(0)).isEqualTo(-0.999);
  }
}

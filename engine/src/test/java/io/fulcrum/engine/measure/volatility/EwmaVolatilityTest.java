package io.fulcrum.engine.measure.volatility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fulcrum.engine.measure.ReturnSeries;
import io.fulcrum.engine.measure.RiskMeasure;
import io.fulcrum.engine.measure.SeriesMeasureContractTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EwmaVolatilityTest extends SeriesMeasureContractTest {

  @Override
  protected RiskMeasure measure() {
    return new EwmaVolatility();
  }

  @Override
  protected Map<String, String> ownParameters() {
    return Map.of("lambda", "0.97");
  }

  @Override
  protected String numericParameter() {
    return "lambda";
  }

  @Test
  void alpha_isNotAParameter() {
    assertThatThrownBy(() -> evaluate(MIXED30, Map.of("alpha", "0.99")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no parameter 'alpha'");
  }

  @Test
  void recursion_isSeededWithTheFirstSquaredReturn() {
    // sigma^2_1 = 0.03^2 = 0.0009; sigma^2_2 = 0.5 x 0.0009 + 0.5 x 0 = 0.00045
    assertThat(evaluate(ReturnSeries.of(0.03, 0.0), Map.of("lambda", "0.5")).value())
        .isCloseTo(Math.sqrt(0.00045), within(1e-15));
  }
}

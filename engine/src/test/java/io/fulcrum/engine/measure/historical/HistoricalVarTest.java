package io.fulcrum.engine.measure.historical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fulcrum.engine.measure.ReturnSeries;
import io.fulcrum.engine.measure.RiskMeasure;
import io.fulcrum.engine.measure.SeriesMeasureContractTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoricalVarTest extends SeriesMeasureContractTest {

  @Override
  protected RiskMeasure measure() {
    return new HistoricalVar();
  }

  @Override
  protected Map<String, String> ownParameters() {
    return Map.of("estimationType", "R_6");
  }

  @Test
  void estimationType_defaultsToHyndmanFanType7AndIsStated() {
    assertThat(evaluate(MIXED30, Map.of()).inputs()).containsEntry("estimationType", "R_7");
  }

  @Test
  void estimationType_isCaseInsensitive() {
    double upper = evaluate(MIXED30, Map.of("estimationType", "R_1")).value();
    double lower = evaluate(MIXED30, Map.of("estimationType", "r_1")).value();
    assertThat(lower).isCloseTo(upper, within(0.0));
  }

  @Test
  void unknownEstimationType_isRejectedNamingTheChoices() {
    assertThatThrownBy(() -> evaluate(MIXED30, Map.of("estimationType", "R_10")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("estimationType must be one of")
        .hasMessageContaining("r_7")
        .hasMessageContaining("R_10");
  }

  @Test
  void constantSeries_hasVarEqualToTheConstantLoss() {
    assertThat(evaluate(ReturnSeries.of(-0.01, -0.01, -0.01), Map.of()).value())
        .isCloseTo(0.01, within(1e-15));
  }
}

package io.fulcrum.engine.measure.parametric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fulcrum.engine.measure.ReturnSeries;
import io.fulcrum.engine.measure.RiskMeasure;
import io.fulcrum.engine.measure.SeriesMeasureContractTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametricVarTest extends SeriesMeasureContractTest {

  @Override
  protected RiskMeasure measure() {
    return new ParametricVar();
  }

  @Override
  protected Map<String, String> ownParameters() {
    return Map.of();
  }

  @Test
  void constantSeries_hasVarMinusTheMean() {
    assertThat(evaluate(ReturnSeries.of(0.01, 0.01, 0.01), Map.of()).value())
        .isCloseTo(-0.01, within(1e-15));
  }

  @Test
  void details_showMeanStandardDeviationAndZ() {
    assertThat(evaluate(MIXED30, Map.of()).details())
        .containsKeys("lossMean", "standardDeviation", "z");
  }
}

package io.fulcrum.engine.measure.historical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fulcrum.engine.measure.RiskMeasure;
import io.fulcrum.engine.measure.SeriesMeasureContractTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilteredHistoricalExpectedShortfallTest extends SeriesMeasureContractTest {

  @Override
  protected RiskMeasure measure() {
    return new FilteredHistoricalExpectedShortfall();
  }

  @Override
  protected Map<String, String> ownParameters() {
    return Map.of("lambda", "0.97");
  }

  @Test
  void lambda_defaultsToRiskMetricsDaily() {
    assertThat((double) evaluate(MIXED30, Map.of()).inputs().get("lambda"))
        .isCloseTo(0.94, within(0.0));
  }
}

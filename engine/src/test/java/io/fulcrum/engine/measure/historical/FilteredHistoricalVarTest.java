package io.fulcrum.engine.measure.historical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fulcrum.engine.measure.MeasureParameters;
import io.fulcrum.engine.measure.ReturnSeries;
import io.fulcrum.engine.measure.RiskMeasure;
import io.fulcrum.engine.measure.SeriesMeasureContractTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilteredHistoricalVarTest extends SeriesMeasureContractTest {

  @Override
  protected RiskMeasure measure() {
    return new FilteredHistoricalVar();
  }

  @Override
  protected Map<String, String> ownParameters() {
    return Map.of("lambda", "0.9", "estimationType", "R_7");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1", "1.5", "NaN"})
  void lambdaOutsideOpenUnitInterval_isRejected(String lambda) {
    assertThatThrownBy(() -> evaluate(MIXED30, Map.of("lambda", lambda)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lambda")
        .hasMessageContaining(lambda);
  }

  @Test
  void leadingZeroReturn_isRescaledToZeroInsteadOfNaN() {
    ReturnSeries series = ReturnSeries.of(0.0, -0.02, 0.01, -0.03, 0.02);
    assertThat(evaluate(series, Map.of("alpha", "0.9")).value()).isFinite();
  }

  @Test
  void calmEnd_scalesTheHistoricalVarDown() {
    ReturnSeries volatileThenCalm =
        ReturnSeries.of(-0.08, 0.07, -0.06, 0.05, 0.001, -0.001, 0.001, -0.001, 0.001, -0.001);
    double plain =
        new HistoricalVar()
            .evaluate(volatileThenCalm, MeasureParameters.of(Map.of("alpha", "0.9")))
            .value();
    double filtered = evaluate(volatileThenCalm, Map.of("alpha", "0.9")).value();
    assertThat(filtered).isLessThan(plain);
  }

  @Test
  void result_statesLatestVolatilityInDetails() {
    assertThat(evaluate(MIXED30, Map.of()).details()).containsKey("latestVolatility");
    assertThat((double) evaluate(MIXED30, Map.of()).details().get("latestVolatility"))
        .isCloseTo(0.03720949693761912, within(1e-12)); // ewma-volatility of mixed30, lambda 0.94
  }
}

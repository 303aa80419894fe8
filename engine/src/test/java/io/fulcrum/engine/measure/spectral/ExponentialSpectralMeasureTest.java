package io.fulcrum.engine.measure.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fulcrum.engine.measure.PnlVector;
import io.fulcrum.engine.measure.RiskMeasure;
import io.fulcrum.engine.measure.SeriesMeasureContractTest;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExponentialSpectralMeasureTest extends SeriesMeasureContractTest {

  @Override
  protected RiskMeasure measure() {
    return new ExponentialSpectralMeasure();
  }

  @Override
  protected Map<String, String> ownParameters() {
    return Map.of("k", "25");
  }

  @Override
  protected String numericParameter() {
    return "k";
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "NaN"})
  void nonPositiveOrNaNK_isRejected(String k) {
    assertThatThrownBy(() -> evaluate(MIXED30, Map.of("k", k)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k ")
        .hasMessageContaining(k);
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e-6, 0.5, 10, 200})
  void weights_areIncreasingAndSumToOne(double k) {
    double[] w = ExponentialSpectralMeasure.weights(250, k);
    assertThat(Arrays.stream(w).sum()).isCloseTo(1.0, within(1e-12));
    for (int i = 1; i < w.length; i++) {
      assertThat(w[i]).isGreaterThanOrEqualTo(w[i - 1]);
    }
  }

  @Test
  void tinyK_tendsToTheMeanLoss() {
    PnlVector pnl = PnlVector.of(10, -20, 5, -40, 25);
    assertThat(evaluate(pnl, Map.of("k", "1e-9")).value()).isCloseTo(4.0, within(1e-6));
  }

  @Test
  void hugeK_tendsToTheWorstLoss() {
    PnlVector pnl = PnlVector.of(10, -20, 5, -40, 25);
    assertThat(evaluate(pnl, Map.of("k", "1000")).value()).isCloseTo(40.0, within(1e-9));
  }
}

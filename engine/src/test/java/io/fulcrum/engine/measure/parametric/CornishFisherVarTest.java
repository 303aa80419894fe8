package io.fulcrum.engine.measure.parametric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fulcrum.engine.measure.MeasureInput;
import io.fulcrum.engine.measure.MeasureParameters;
import io.fulcrum.engine.measure.MeasureResult;
import io.fulcrum.engine.measure.ReturnSeries;
import io.fulcrum.engine.measure.RiskMeasure;
import io.fulcrum.engine.measure.SeriesMeasureContractTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CornishFisherVarTest extends SeriesMeasureContractTest {

  @Override
  protected RiskMeasure measure() {
    return new CornishFisherVar();
  }

  @Override
  protected Map<String, String> ownParameters() {
    return Map.of();
  }

  @Override
  protected MeasureInput tooShortSeries() {
    return ReturnSeries.of(0.01, -0.02, 0.03);
  }

  @Test
  void inputs_stateTheMomentEstimatorAndItsValues() {
    MeasureResult result = evaluate(MIXED30, Map.of());
    assertThat(result.inputs()).containsKeys("skewness", "excessKurtosis");
    assertThat((String) result.inputs().get("momentEstimator"))
        .contains("bias-adjusted", "G1", "G2");
  }

  @Test
  void symmetricSeriesWithoutExcessKurtosis_matchesTheGaussianVar() {
    // S = 0 by symmetry; K is not 0 in general, so compare the expansion with K = S = 0 directly.
    assertThat(CornishFisherVar.adjustedQuantile(2.326347874, 0.0, 0.0))
        .isCloseTo(2.326347874, within(1e-15));
  }

  @Test
  void leftSkewedReturns_raiseTheVarAboveTheGaussianVar() {
    double gaussian = new ParametricVar().evaluate(MIXED30, noParameters()).value();
    assertThat(evaluate(MIXED30, Map.of()).value()).isGreaterThan(gaussian);
  }

  @Test
  void constantSeries_hasNoCorrectionAndNoNaN() {
    MeasureResult result = evaluate(ReturnSeries.of(0.01, 0.01, 0.01, 0.01), Map.of());
    assertThat(result.value()).isCloseTo(-0.01, within(1e-15));
    assertThat(result.inputs()).containsEntry("skewness", 0.0);
  }

  private static MeasureParameters noParameters() {
    return MeasureParameters.none();
  }
}

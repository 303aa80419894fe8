package io.fulcrum.engine.measure.parametric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fulcrum.engine.measure.RiskMeasure;
import io.fulcrum.engine.measure.SeriesMeasureContractTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParametricExpectedShortfallTest extends SeriesMeasureContractTest {

  @Override
  protected RiskMeasure measure() {
    return new ParametricExpectedShortfall();
  }

  @Override
  protected Map<String, String> ownParameters() {
    return Map.of();
  }

  @Test
  void shortfallFactorAt97point5_isTheTextbookValue() {
    // phi(z_0.975) / 0.025 = 2.337802 (McNeil, Frey, Embrechts, QRM example 2.14)
    double factor =
        (double) evaluate(MIXED30, Map.of("alpha", "0.975")).details().get("shortfallFactor");
    assertThat(factor).isCloseTo(2.337802, within(1e-6));
  }
}

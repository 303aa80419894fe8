package io.fulcrum.engine.measure.historical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fulcrum.engine.measure.PnlVector;
import io.fulcrum.engine.measure.RiskMeasure;
import io.fulcrum.engine.measure.SeriesMeasureContractTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoricalExpectedShortfallTest extends SeriesMeasureContractTest {

  @Override
  protected RiskMeasure measure() {
    return new HistoricalExpectedShortfall();
  }

  @Override
  protected Map<String, String> ownParameters() {
    return Map.of();
  }

  @Test
  void wholeTail_isTheMeanOfTheWorstLosses() {
    // n = 10, alpha = 0.8: m = 2, the two worst losses 9 and 7 -> 8
    PnlVector pnl = PnlVector.of(1, -9, 2, -7, 3, -1, 4, 0, 5, -2);
    assertThat(evaluate(pnl, Map.of("alpha", "0.8")).value()).isCloseTo(8.0, within(1e-12));
  }

  @Test
  void fractionalTail_weighsTheNextWorstLossByTheFraction() {
    // n = 10, alpha = 0.75: m = 2.5 -> (9 + 7 + 0.5 x 2) / 2.5 = 6.8
    PnlVector pnl = PnlVector.of(1, -9, 2, -7, 3, -1, 4, 0, 5, -2);
    assertThat(evaluate(pnl, Map.of("alpha", "0.75")).value()).isCloseTo(6.8, within(1e-12));
  }
}

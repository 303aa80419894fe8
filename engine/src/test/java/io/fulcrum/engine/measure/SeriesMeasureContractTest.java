package io.fulcrum.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract plus the holding-period rules shared by every measure on one series. */
public abstract class SeriesMeasureContractTest extends RiskMeasureContractTest {

  protected static final MeasureInput MIXED30 = ReferenceValues.series("mixed30");

  /** The measure's own parameters (besides alpha and the holding period), set to valid values. */
  protected abstract Map<String, String> ownParameters();

  @Override
  protected MeasureInput validInput() {
    return MIXED30;
  }

  @Override
  protected Map<String, String> allParameters() {
    TreeMap<String, String> all = new TreeMap<>(ownParameters());
    all.put("horizonDays", "2");
    all.put("horizonMethod", "overlapping");
    if (measure().parameterNames().contains("alpha")) {
      all.put("alpha", "0.975");
    }
    return all;
  }

  /** A series one observation shorter than the measure needs. */
  protected MeasureInput tooShortSeries() {
    return ReturnSeries.of(0.01);
  }

  @Override
  protected void evaluateOnTooShortInput() {
    evaluate(tooShortSeries(), Map.of());
  }

  @Override
  protected void buildInputWithNaN() {
    ReturnSeries.of(0.01, Double.NaN, -0.02);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-3"})
  void horizonDaysBelowOne_isRejected(String days) {
    assertThatThrownBy(() -> evaluate(MIXED30, Map.of("horizonDays", days)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("horizonDays must be >= 1 but was " + days);
  }

  @Test
  void unknownHorizonMethod_isRejectedListingTheKnownOnes() {
    assertThatThrownBy(() -> evaluate(MIXED30, Map.of("horizonMethod", "linear")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("horizonMethod")
        .hasMessageContaining("sqrt-time")
        .hasMessageContaining("linear");
  }

  @Test
  void overlappingHorizonLeavingTooFewWindows_isRejected() {
    assertThatThrownBy(
            () -> evaluate(MIXED30, Map.of("horizonDays", "30", "horizonMethod", "overlapping")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("horizonDays");
  }

  @Test
  void sqrtTimeHorizon_scalesTheOneDayValueBySqrtOfDays() {
    double oneDay = evaluate(MIXED30, ownParameters()).value();
    MeasureResult tenDays = evaluate(MIXED30, with(ownParameters(), "horizonDays", "10"));
    assertThat(tenDays.value()).isCloseTo(oneDay * Math.sqrt(10), within(1e-12));
    assertThat(tenDays.inputs())
        .containsEntry("horizonMethod", "sqrt-time")
        .containsEntry("horizonDays", 10)
        .containsEntry("observationsUsed", 30);
  }

  @Test
  void overlappingHorizon_statesMethodAndWindowsUsed() {
    MeasureResult result =
        evaluate(
            MIXED30,
            with(with(ownParameters(), "horizonDays", "5"), "horizonMethod", "overlapping"));
    assertThat(result.inputs())
        .containsEntry("horizonMethod", "overlapping")
        .containsEntry("horizonDays", 5)
        .containsEntry("observationsUsed", 26)
        .containsEntry("n", 30);
  }

  @Test
  void pnlVector_isMeasuredInMoneyAndReturnsInFractions() {
    assertThat(evaluate(MIXED30, Map.of()).unit()).isEqualTo("fraction");
    assertThat(evaluate(PnlVector.of(10, -20, 5, -40, 25), Map.of()).unit()).isEqualTo("money");
  }
}

package io.fulcrum.engine.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.backtest.MarginModel;
import io.fulcrum.engine.policy.PolicyManifest.Bound;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;

/** Calibration never proposes a value outside the bounds, and says which bound held it. */
class CalibrationBoundsTest {

  /** The measure factory with a cited floor on confidence, as a manifest would declare it. */
  record Bounded(Map<String, Bound> bounds) implements ModelFactory {
    @Override
    public SortedSet<String> parameterNames() {
      return CalibrationTest.FACTORY.parameterNames();
    }

    @Override
    public MarginModel create(Map<String, String> values) {
      return CalibrationTest.FACTORY.create(values);
    }
  }

  static final Bound FLOOR = new Bound(null, null, new BigDecimal("0.99"), "Test rule art. 1");

  @Test
  void gridPointsBelowAFloor_areBacktestedButNeverWin_andTheFloorIsNamed() {
    // Without the floor, the lowest confidence meeting the 97% coverage target wins: 0.98 on this
    // seeded Gaussian panel (0.97 falls short of the target), so the floor must keep 0.98 out.
    CalibrationSpec spec =
        new CalibrationSpec(
            CalibrationTest.base(),
            0.97,
            List.of(ParameterRange.parse("confidence=0.97,0.98,0.99,0.995")),
            CalibrationTest.FIXED,
            Objective.MIN_AVERAGE_MARGIN);
    Calibration.Result free =
        Calibration.run(
            CalibrationTest.panel(), CalibrationTest.SYNTHETIC, CalibrationTest.FACTORY, spec);
    assertThat(free.winner().orElseThrow().parameters().get("confidence")).isEqualTo("0.98");

    Calibration.Result bounded =
        Calibration.run(
            CalibrationTest.panel(),
            CalibrationTest.SYNTHETIC,
            new Bounded(Map.of("confidence", FLOOR)),
            spec);
    assertThat(bounded.candidates()).hasSize(4);
    assertThat(bounded.winner().orElseThrow().parameters()).containsEntry("confidence", "0.99");
    assertThat(bounded.candidates().get(0).outsideBounds())
        .containsExactly("confidence 0.97 is below its floor 0.99 (Test rule art. 1)");
    assertThat(bounded.frontier()).allMatch(Candidate::withinBounds);
    assertThat(bounded.boundsHeld()).hasSize(1);
    Calibration.BoundHeld held = bounded.boundsHeld().get(0);
    assertThat(held.parameter()).isEqualTo("confidence");
    assertThat(held.excluded()).containsExactly("0.97", "0.98");
    assertThat(held.statement())
        .startsWith(
            "confidence held by its floor 0.99 (Test rule art. 1): 2 candidate(s) below it excluded"
                + " (0.97, 0.98); without the bound {confidence="
                + free.winner().get().parameters().get("confidence"));
  }

  @Test
  void aContinuousSearch_isClippedToTheBound() {
    CalibrationSpec spec =
        new CalibrationSpec(
            CalibrationTest.base(),
            0.99,
            List.of(ParameterRange.parse("confidence=0.95..0.995")),
            CalibrationTest.FIXED,
            Objective.MIN_AVERAGE_MARGIN);
    Calibration.Result r =
        Calibration.run(
            CalibrationTest.panel(),
            CalibrationTest.SYNTHETIC,
            new Bounded(Map.of("confidence", FLOOR)),
            spec);
    assertThat(r.candidates())
        .allSatisfy(
            c ->
                assertThat(Double.parseDouble(c.parameters().get("confidence")))
                    .isGreaterThanOrEqualTo(0.99));
    assertThat(r.boundsHeld().get(0).statement())
        .isEqualTo(
            "confidence held by its floor 0.99 (Test rule art. 1): searched 0.99..0.995 instead of"
                + " 0.95..0.995");
  }

  @Test
  void aRangeEntirelyOutside_orAFixedValueOutside_isAnError() {
    CalibrationSpec outside =
        new CalibrationSpec(
            CalibrationTest.base(),
            0.99,
            List.of(ParameterRange.parse("confidence=0.9..0.95")),
            CalibrationTest.FIXED,
            Objective.MIN_AVERAGE_MARGIN);
    Bounded bounded = new Bounded(Map.of("confidence", FLOOR));
    assertThatThrownBy(
            () ->
                Calibration.run(
                    CalibrationTest.panel(), CalibrationTest.SYNTHETIC, bounded, outside))
        .hasMessage(
            "range of confidence 0.9..0.95 lies outside its bounds (floor 0.99 (Test rule art. 1))");
    CalibrationSpec fixedOutside =
        new CalibrationSpec(
            CalibrationTest.base(),
            0.99,
            List.of(ParameterRange.parse("lookback=250,500")),
            Map.of("measure", "parametric-var", "confidence", "0.95"),
            Objective.MIN_AVERAGE_MARGIN);
    assertThatThrownBy(
            () ->
                Calibration.run(
                    CalibrationTest.panel(), CalibrationTest.SYNTHETIC, bounded, fixedOutside))
        .hasMessage("--param confidence 0.95 is below its floor 0.99 (Test rule art. 1)");
  }
}

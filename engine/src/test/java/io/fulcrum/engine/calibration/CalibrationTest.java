package io.fulcrum.engine.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.backtest.BacktestPortfolio;
import io.fulcrum.engine.backtest.BacktestSpec;
import io.fulcrum.engine.backtest.DataStamp;
import io.fulcrum.engine.backtest.MeasureMarginModel;
import io.fulcrum.engine.backtest.PricePanel;
import io.fulcrum.engine.measure.RiskMeasures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Calibration on i.i.d. Gaussian prices, where a 99% parametric VaR is the right answer. */
class CalibrationTest {

  static final MeasureModelFactory FACTORY = new MeasureModelFactory(RiskMeasures.load());
  static final DataStamp SYNTHETIC = new DataStamp("synthetic", "1", "none", List.of());
  static final Map<String, String> FIXED = Map.of("measure", "parametric-var", "lookback", "500");

  static PricePanel panel() {
    Random random = new Random(1L);
    int days = 1500;
    double[] closes = new double[days];
    List<LocalDate> dates = new ArrayList<>();
    closes[0] = 100;
    for (int t = 0; t < days; t++) {
      dates.add(LocalDate.of(2020, 1, 1).plusDays(t));
      if (t > 0) {
        closes[t] = closes[t - 1] * (1 + 0.02 * random.nextGaussian());
      }
    }
    return PricePanel.of(List.of("X"), dates, new double[][] {closes});
  }

  static BacktestSpec base() {
    return new BacktestSpec(
        new BacktestPortfolio("long", "USD", List.of(new BacktestPortfolio.Holding("X", 1))),
        MeasureMarginModel.of(RiskMeasures.load(), FIXED),
        1,
        0.99,
        null,
        null);
  }

  @Test
  void grid_picksTheLowestAverageMarginThatMeetsTheTarget() {
    CalibrationSpec spec =
        new CalibrationSpec(
            base(),
            0.99,
            List.of(ParameterRange.parse("confidence=0.95:0.995:0.005")),
            FIXED,
            Objective.MIN_AVERAGE_MARGIN);
    Calibration.Result r = Calibration.run(panel(), SYNTHETIC, FACTORY, spec);
    assertThat(r.candidates()).hasSize(10);
    Candidate winner = r.winner().orElseThrow();
    assertThat(winner.coverageRatio()).isGreaterThanOrEqualTo(0.99);
    assertThat(r.candidates())
        .filteredOn(Candidate::passes)
        .allSatisfy(
            c -> assertThat(c.averageMargin()).isGreaterThanOrEqualTo(winner.averageMargin()));
    // Gaussian data: the calibrated confidence is close to the target.
    assertThat(Double.parseDouble(winner.parameters().get("confidence"))).isBetween(0.985, 0.995);
    assertThat(r.frontier())
        .isNotEmpty()
        .isSortedAccordingTo((a, b) -> Double.compare(a.averageMargin(), b.averageMargin()));
    assertThat(r.candidates())
        .filteredOn(c -> !c.passes())
        .allSatisfy(c -> assertThat(c.reasons()).isNotEmpty());
  }

  @Test
  void brentSearch_onAContinuousScaling_findsAPassingWinner() {
    CalibrationSpec spec =
        new CalibrationSpec(
            base(),
            0.99,
            List.of(ParameterRange.parse("mporScaling=0.7..1.5")),
            FIXED,
            Objective.MIN_AVERAGE_MARGIN);
    Calibration.Result r = Calibration.run(panel(), SYNTHETIC, FACTORY, spec);
    assertThat(r.candidates()).allSatisfy(c -> assertThat(c.search()).isEqualTo("brent"));
    assertThat(r.candidates().size()).isLessThanOrEqualTo(Calibration.BRENT_EVALUATIONS + 1);
    Candidate winner = r.winner().orElseThrow();
    assertThat(winner.coverageRatio()).isGreaterThanOrEqualTo(0.99);
    assertThat(Double.parseDouble(winner.parameters().get("mporScaling"))).isBetween(0.7, 1.5);
  }

  @Test
  void ranges_parseGridsListsAndIntervals() {
    assertThat(ParameterRange.parse("confidence=0.95:0.99:0.01").values())
        .containsExactly("0.95", "0.96", "0.97", "0.98", "0.99");
    assertThat(ParameterRange.parse("measure=fhs-es, historical-es").values())
        .containsExactly("fhs-es", "historical-es");
    ParameterRange buffer = ParameterRange.parse("buffer=0..0.25");
    assertThat(buffer.continuous()).isTrue();
    assertThat(buffer.upper()).isEqualTo(0.25);
  }

  @Test
  void badRanges_andUnknownParameters_giveClearErrors() {
    assertThatThrownBy(() -> ParameterRange.parse("confidence=0.99:0.95:0.01"))
        .hasMessage("range of confidence is empty: from 0.99 is above to 0.95");
    assertThatThrownBy(() -> ParameterRange.parse("buffer=0.3..0.1"))
        .hasMessage("range of buffer is empty: 0.3..0.1 needs from < to");
    assertThatThrownBy(() -> ParameterRange.parse("lookback=,"))
        .hasMessage("range of lookback is empty: ','");
    assertThatThrownBy(() -> ParameterRange.parse("lookback"))
        .hasMessageContaining("--vary must be name=from:to:step");
    CalibrationSpec spec =
        new CalibrationSpec(
            base(),
            0.99,
            List.of(ParameterRange.parse("haircut=0.1,0.2")),
            FIXED,
            Objective.MIN_AVERAGE_MARGIN);
    assertThatThrownBy(() -> Calibration.run(panel(), SYNTHETIC, FACTORY, spec))
        .hasMessage("unknown parameter 'haircut'; known: " + MeasureMarginModel.PARAMETERS);
    assertThatThrownBy(() -> Objective.parse("max-profit"))
        .hasMessage(
            "objective must be one of [min-average-margin, min-procyclicality] but was 'max-profit'");
  }

  @Test
  void aCandidateWithABadValue_failsAlone() {
    CalibrationSpec spec =
        new CalibrationSpec(
            base(),
            0.99,
            List.of(ParameterRange.parse("lookback=1,500")),
            FIXED,
            Objective.MIN_AVERAGE_MARGIN);
    Calibration.Result r = Calibration.run(panel(), SYNTHETIC, FACTORY, spec);
    assertThat(r.candidates()).hasSize(2);
    assertThat(r.candidates().get(0).reasons())
        .containsExactly("lookback must be >= 2 days but was 1");
    assertThat(r.candidates().get(1).averageMargin()).isPositive();
  }
}

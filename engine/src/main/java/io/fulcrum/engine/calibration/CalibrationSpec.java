package io.fulcrum.engine.calibration;

import io.fulcrum.engine.backtest.BacktestSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to calibrate.
 *
 * @param backtest portfolio, MPOR, from/to (its model and confidence are replaced per candidate)
 * @param targetCoverage the share of days the margin must cover, e.g. 0.99; also the confidence of
 *     the Kupiec test and traffic light
 * @param ranges the parameters varied; at most one continuous
 * @param fixed parameters held at a value
 */
public record CalibrationSpec(
    BacktestSpec backtest,
    double targetCoverage,
    List<ParameterRange> ranges,
    Map<String, String> fixed,
    Objective objective) {

  public CalibrationSpec {
    Objects.requireNonNull(backtest, "backtest");
    Objects.requireNonNull(objective, "objective");
    ranges = List.copyOf(ranges);
    fixed = Map.copyOf(fixed);
    if (!(targetCoverage > 0 && targetCoverage < 1)) {
      throw new IllegalArgumentException(
          "target coverage must be in (0,1) but was " + targetCoverage);
    }
    if (ranges.isEmpty()) {
      throw new IllegalArgumentException("give at least one --vary name=range");
    }
    if (ranges.stream().filter(ParameterRange::continuous).count() > 1) {
      throw new IllegalArgumentException("at most one continuous range (from..to) can be searched");
    }
  }
}

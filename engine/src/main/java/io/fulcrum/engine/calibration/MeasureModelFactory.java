package io.fulcrum.engine.calibration;

import io.fulcrum.engine.backtest.MarginModel;
import io.fulcrum.engine.backtest.MeasureMarginModel;
import io.fulcrum.engine.measure.RiskMeasures;
import java.util.Map;
import java.util.SortedSet;

/**
 * Builds {@link MeasureMarginModel}s: parameters measure, confidence, lookback, lambda,
 * mporScaling, buffer.
 */
public record MeasureModelFactory(RiskMeasures measures) implements ModelFactory {

  @Override
  public SortedSet<String> parameterNames() {
    return MeasureMarginModel.PARAMETERS;
  }

  @Override
  public MarginModel create(Map<String, String> values) {
    return MeasureMarginModel.of(measures, values);
  }
}

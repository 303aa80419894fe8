package io.fulcrum.engine.calibration;

import io.fulcrum.engine.backtest.MarginModel;
import java.util.Map;
import java.util.SortedSet;

/** Builds margin models from named parameters; what a calibration varies. */
public interface ModelFactory {

  /** The parameter names accepted; any other is an error. */
  SortedSet<String> parameterNames();

  /** A model from {@code values}; {@link IllegalArgumentException} for a bad value. */
  MarginModel create(Map<String, String> values);
}

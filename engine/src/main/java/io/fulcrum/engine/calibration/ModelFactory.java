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

  /**
   * The bounds of the parameters, by the same names ({@link
   * io.fulcrum.engine.policy.PolicyManifest#bounds()}); none by default.
   */
  default Map<String, io.fulcrum.engine.policy.PolicyManifest.Bound> bounds() {
    return Map.of();
  }
}

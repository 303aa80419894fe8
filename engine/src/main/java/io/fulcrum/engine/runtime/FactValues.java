package io.fulcrum.engine.runtime;

import java.math.BigDecimal;

final class FactValues {

  private FactValues() {}

  static BigDecimal number(Object value, String name, String owner) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    throw new PolicyEvaluationFailed(
        "parameter '"
            + name
            + "' of "
            + owner
            + " is "
            + (value == null ? "not set by any decision table" : "not a number: " + value));
  }
}

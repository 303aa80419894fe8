package io.fulcrum.engine.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a measure binding's {@code when} condition against the manifest's parameters, once, at
 * compile time. Numbers compare by value (0.25 = 0.250), anything else as text; a list means any of
 * its values. A condition naming a parameter the manifest does not define is a compilation error,
 * so a typo cannot silently switch a measure off. Stateless.
 */
final class MeasureCondition {

  private MeasureCondition() {}

  /**
   * Whether every entry of the binding's condition holds; {@link IllegalArgumentException} naming
   * an unknown parameter.
   */
  static boolean holds(PolicyManifest.MeasureBinding binding, Map<String, Object> parameters) {
    boolean holds = true;
    for (Map.Entry<String, Object> e : binding.when().entrySet()) {
      if (!parameters.containsKey(e.getKey())) {
        throw new IllegalArgumentException(
            "when: names parameter '"
                + e.getKey()
                + "', which the manifest's parameters do not define; parameters: "
                + parameters.keySet());
      }
      Object actual = parameters.get(e.getKey());
      List<?> allowed =
          e.getValue() instanceof List<?> list
              ? list
              : java.util.Collections.singletonList(e.getValue());
      if (allowed.isEmpty()) {
        throw new IllegalArgumentException(
            "when: lists no value for parameter '" + e.getKey() + "'");
      }
      holds &= allowed.stream().anyMatch(v -> matches(actual, v));
    }
    return holds;
  }

  private static boolean matches(Object actual, Object expected) {
    if (actual instanceof BigDecimal a && expected instanceof Number n) {
      return a.compareTo(new BigDecimal(n.toString())) == 0;
    }
    return String.valueOf(actual).equals(String.valueOf(expected));
  }
}

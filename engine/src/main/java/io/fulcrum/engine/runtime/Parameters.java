package io.fulcrum.engine.runtime;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A policy's manifest parameters, inserted as a fact and available to rules. Values are decimal
 * numbers or text, exactly as the manifest states them.
 */
public final class Parameters {

  private final SortedMap<String, Object> values;

  public Parameters(SortedMap<String, Object> values) {
    this.values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
  }

  /** The numeric parameter {@code name}; fails naming it when absent or not a number. */
  public BigDecimal number(String name) {
    Object v = values.get(name);
    if (v instanceof BigDecimal d) {
      return d;
    }
    throw new PolicyEvaluationFailed(
        "policy parameter '" + name + "' is " + (v == null ? "not defined" : "not a number: " + v));
  }

  public String text(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw new PolicyEvaluationFailed("policy parameter '" + name + "' is not defined");
    }
    return v.toString();
  }

  public SortedMap<String, Object> values() {
    return values;
  }

  @Override
  public String toString() {
    return "parameters " + values;
  }
}

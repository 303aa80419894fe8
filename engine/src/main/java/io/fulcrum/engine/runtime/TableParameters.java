package io.fulcrum.engine.runtime;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A fact that decision tables give parameters to (a position's bracket, a collateral's
 * loan-to-value), read by rules by name. Public because rules call these methods reflectively.
 */
public abstract class TableParameters {

  private final SortedMap<String, Object> parameters = new TreeMap<>();

  void putParameters(Map<String, Object> values) {
    parameters.putAll(values);
  }

  public SortedMap<String, Object> getParameters() {
    return Collections.unmodifiableSortedMap(parameters);
  }

  public boolean hasParameter(String name) {
    return parameters.get(name) != null;
  }

  /** The decision-table parameter {@code name} as a number; fails naming it if absent. */
  public BigDecimal number(String name) {
    Object value = parameters.get(name);
    // describe() only on failure: rules call this in every condition and consequence.
    return value instanceof BigDecimal d ? d : FactValues.number(value, name, describe());
  }

  public abstract String describe();
}

package io.fulcrum.engine.measure;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Named measure settings as given in a policy manifest or on the command line, kept as text so they
 * are reproduced exactly in explanations. Typed accessors validate and name the parameter.
 */
public record MeasureParameters(SortedMap<String, String> values) {

  public MeasureParameters {
    values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
  }

  public static MeasureParameters none() {
    return new MeasureParameters(new TreeMap<>());
  }

  public static MeasureParameters of(Map<String, ?> values) {
    TreeMap<String, String> copy = new TreeMap<>();
    values.forEach((k, v) -> copy.put(k, String.valueOf(v)));
    return new MeasureParameters(copy);
  }

  /** Rejects any parameter name the measure does not know. */
  public MeasureParameters requireOnly(String measure, Set<String> allowed) {
    for (String name : values.keySet()) {
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException(
            "measure '" + measure + "' has no parameter '" + name + "'; known: " + allowed);
      }
    }
    return this;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public String text(String name, String defaultValue) {
    return values.getOrDefault(name, defaultValue);
  }

  public double number(String name, double defaultValue) {
    String raw = values.get(name);
    if (raw == null) {
      return defaultValue;
    }
    try {
      double v = Double.parseDouble(raw.trim());
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(name + " must be a finite number but was " + raw);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number but was '" + raw + "'");
    }
  }

  public int integer(String name, int defaultValue) {
    String raw = values.get(name);
    if (raw == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer but was '" + raw + "'");
    }
  }
}

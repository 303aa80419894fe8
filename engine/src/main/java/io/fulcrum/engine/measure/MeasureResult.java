package io.fulcrum.engine.measure;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The value of a measure and how it was obtained.
 *
 * @param measure the measure's registry name
 * @param value the result: a positive loss amount for VaR/ES-like measures (fraction for returns,
 *     money for P&L and positions), a volatility for volatility estimators
 * @param unit what {@code value} is in, e.g. {@code "fraction"}, {@code "USDT"}
 * @param inputs summary of inputs and parameters: n, alpha, every setting actually used
 * @param details further figures worth showing (e.g. the worst scenario, per-position components);
 *     values are numbers, strings, booleans or lists/maps of them
 */
public record MeasureResult(
    String measure,
    double value,
    String unit,
    SortedMap<String, Object> inputs,
    SortedMap<String, Object> details) {

  public MeasureResult {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "measure '" + measure + "' produced a non-finite value " + value);
    }
    inputs = Collections.unmodifiableSortedMap(new TreeMap<>(inputs));
    details = Collections.unmodifiableSortedMap(new TreeMap<>(details));
  }

  public static MeasureResult of(
      String measure, double value, String unit, Map<String, Object> inputs) {
    return new MeasureResult(measure, value, unit, new TreeMap<>(inputs), new TreeMap<>());
  }
}

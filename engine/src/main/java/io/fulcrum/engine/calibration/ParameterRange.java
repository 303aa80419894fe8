package io.fulcrum.engine.calibration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The values a calibration tries for one named parameter, from {@code name=spec}:
 *
 * <ul>
 *   <li>{@code from:to:step} a grid, both ends included (decimal arithmetic, so 0.95:0.99:0.01 has
 *       exactly 5 points);
 *   <li>{@code v1,v2,...} a list (numbers or text, e.g. measure names);
 *   <li>{@code from..to} a continuous interval, searched by a Commons Math Brent optimizer.
 * </ul>
 *
 * @param values grid values as text; for a continuous range, its two ends
 */
public record ParameterRange(String name, List<String> values, boolean continuous) {

  public ParameterRange {
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("range of " + name + " is empty");
    }
  }

  public static ParameterRange parse(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0 || eq == text.length() - 1) {
      throw new IllegalArgumentException(
          "--vary must be name=from:to:step, name=v1,v2,... or name=from..to but was '"
              + text
              + "'");
    }
    String name = text.substring(0, eq).trim();
    String spec = text.substring(eq + 1).trim();
    if (spec.contains("..")) {
      String[] ends = spec.split("\\.\\.", 2);
      double lo = number(name, ends[0]);
      double hi = number(name, ends[1]);
      if (!(lo < hi)) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "range of %s is empty: %s needs from < to", name, spec));
      }
      return new ParameterRange(name, List.of(ends[0].trim(), ends[1].trim()), true);
    }
    if (spec.contains(":")) {
      return grid(name, spec);
    }
    List<String> list = new ArrayList<>();
    for (String v : spec.split(",")) {
      if (!v.isBlank()) {
        list.add(v.trim());
      }
    }
    if (list.isEmpty()) {
      throw new IllegalArgumentException("range of " + name + " is empty: '" + spec + "'");
    }
    return new ParameterRange(name, list, false);
  }

  private static ParameterRange grid(String name, String spec) {
    String[] parts = spec.split(":");
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "grid of " + name + " must be from:to:step but was '" + spec + "'");
    }
    BigDecimal from = decimal(name, parts[0]);
    BigDecimal to = decimal(name, parts[1]);
    BigDecimal step = decimal(name, parts[2]);
    if (step.signum() <= 0) {
      throw new IllegalArgumentException("step of " + name + " must be > 0 but was " + parts[2]);
    }
    if (from.compareTo(to) > 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "range of %s is empty: from %s is above to %s",
              name,
              parts[0],
              parts[1]));
    }
    List<String> values = new ArrayList<>();
    for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
      values.add(v.stripTrailingZeros().toPlainString());
      if (values.size() > 10_000) {
        throw new IllegalArgumentException("grid of " + name + " has more than 10,000 points");
      }
    }
    return new ParameterRange(name, values, false);
  }

  private static BigDecimal decimal(String name, String text) {
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " range bound must be a number but was '" + text + "'");
    }
  }

  private static double number(String name, String text) {
    return decimal(name, text).doubleValue();
  }

  public double lower() {
    return Double.parseDouble(values.get(0));
  }

  public double upper() {
    return Double.parseDouble(values.get(values.size() - 1));
  }
}

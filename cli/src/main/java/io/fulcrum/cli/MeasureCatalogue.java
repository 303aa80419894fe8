package io.fulcrum.cli;

import io.fulcrum.engine.measure.RiskMeasure;
import io.fulcrum.engine.measure.RiskMeasures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code fulcrum measure --list} prints: every measure with its parameters, their defaults and
 * units. The engine's plugin interface knows only parameter names; defaults and units are written
 * down here once per name (every measure using a name uses the same default), and {@code
 * MeasureCatalogueTest} checks the table against the loaded measures (every name described) and
 * against what the series measures report they used when given no parameters, so it cannot drift.
 */
final class MeasureCatalogue {

  /** One parameter: its default (as text; "-" when the measure has none) and its unit. */
  record Parameter(String name, String defaultValue, String unit) {}

  static final Map<String, Parameter> PARAMETERS = new TreeMap<>();

  static {
    add("alpha", "0.99", "confidence level in (0,1); --confidence on the command line");
    add("horizonDays", "1", "days (holding period)");
    add("horizonMethod", "sqrt-time", "sqrt-time | overlapping");
    add("lambda", "0.94", "EWMA decay factor per observation, in (0,1)");
    add("estimationType", "R_7", "quantile estimator, Hyndman-Fan type (Commons Math)");
    add("k", "10", "risk aversion of the exponential spectrum (> 0)");
    add("covariance", "sample", "sample | ewma");
    add("priceMoveRange", "0.16", "fraction of the price (largest up/down move)");
    add("priceMoveSteps", "4", "moves on each side of zero");
    add("volShocks", "-0.25,0,0.25", "relative changes of implied volatility (fractions)");
    add("periodFrom", "-", "ISO date; stressed period start (default: whole history)");
    add("periodTo", "-", "ISO date; stressed period end (default: whole history)");
    add("lookbackDays", "-", "observations (days); default: all history");
    add("minimumObservations", "250", "observations (days)");
    add("scale", "1", "multiplier of the gross notional");
  }

  private static void add(String name, String defaultValue, String unit) {
    PARAMETERS.put(name, new Parameter(name, defaultValue, unit));
  }

  private MeasureCatalogue() {}

  /** The listing, one block per measure. */
  static String render(RiskMeasures measures) {
    StringBuilder b = new StringBuilder();
    b.append("Risk measures (result unit: fraction on a --returns series, money on a P&L input)\n");
    for (RiskMeasure m : measures.all().values()) {
      b.append('\n').append(m.name()).append('\n');
      for (Parameter p : parameters(m)) {
        b.append(
            String.format(
                java.util.Locale.ROOT,
                "  %-20s default %-14s %s%n",
                p.name(),
                p.defaultValue(),
                p.unit()));
      }
    }
    return b.toString();
  }

  static List<Parameter> parameters(RiskMeasure m) {
    List<Parameter> out = new ArrayList<>();
    for (String name : m.parameterNames()) {
      out.add(PARAMETERS.getOrDefault(name, new Parameter(name, "?", "(not described)")));
    }
    return out;
  }
}

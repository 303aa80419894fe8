package io.fulcrum.scenarios.impact;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.decision.PositionFigures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What differs between two decisions for the same account and market: status, account figures,
 * metrics and per-position figures and parameters. Numbers compare by value ({@code 1.0 = 1}).
 * Policy stamp, explanation and hash are not results and are ignored.
 */
public final class DecisionComparison {

  private DecisionComparison() {}

  /**
   * Every differing field, account fields first, then per position (e.g. {@code maintenanceMargin:
   * 1340 -> 1375}); empty if the decisions agree.
   */
  public static List<Difference> differences(MarginDecision a, MarginDecision b) {
    List<Difference> out = new ArrayList<>();
    field(out, null, "status", a.status(), b.status());
    field(out, null, "initialMargin", a.initialMargin(), b.initialMargin());
    field(out, null, "maintenanceMargin", a.maintenanceMargin(), b.maintenanceMargin());
    field(out, null, "marginBalance", a.marginBalance(), b.marginBalance());
    field(out, null, "marginRatio", a.marginRatio(), b.marginRatio());
    map(out, null, "metrics.", a.metrics(), b.metrics());
    List<String> flagsA = flags(a);
    List<String> flagsB = flags(b);
    if (!flagsA.equals(flagsB)) {
      out.add(new Difference(null, "flags", flagsA, flagsB));
    }
    if (a.positions().size() != b.positions().size()) {
      out.add(new Difference(null, "positions", a.positions().size(), b.positions().size()));
      return out;
    }
    for (int i = 0; i < a.positions().size(); i++) {
      PositionFigures p = a.positions().get(i);
      PositionFigures q = b.positions().get(i);
      String at = p.instrument();
      field(out, at, "initialMargin", p.initialMargin(), q.initialMargin());
      field(out, at, "maintenanceMargin", p.maintenanceMargin(), q.maintenanceMargin());
      field(out, at, "liquidationPrice", p.liquidationPrice(), q.liquidationPrice());
      map(out, at, "parameters.", p.parameters(), q.parameters());
    }
    return out;
  }

  /** The flags raised, as {@code name (rule)}, in the decision's order (by name, then rule). */
  private static List<String> flags(MarginDecision d) {
    return d.flags().stream().map(f -> f.name() + " (" + f.raisedBy() + ")").toList();
  }

  /** Cheaper than {@link #differences}: true when nothing differs. */
  public static boolean same(MarginDecision a, MarginDecision b) {
    return differences(a, b).isEmpty();
  }

  private static void map(
      List<Difference> out, String position, String prefix, Map<String, ?> a, Map<String, ?> b) {
    for (String key : new TreeSet<>(union(a, b))) {
      field(out, position, prefix + key, a.get(key), b.get(key));
    }
  }

  private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
    List<String> keys = new ArrayList<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }

  private static void field(
      List<Difference> out, String position, String name, Object a, Object b) {
    if (!equal(a, b)) {
      out.add(new Difference(position, name, value(a), value(b)));
    }
  }

  /** Numbers as BigDecimal, everything else (statuses, flags) as text, for a stable JSON form. */
  private static Object value(Object v) {
    if (v == null || v instanceof BigDecimal) {
      return v;
    }
    if (v instanceof Number) {
      return new BigDecimal(v.toString());
    }
    return v.toString();
  }

  static boolean equal(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    if (a instanceof Number || b instanceof Number) {
      return a != null
          && b != null
          && new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    return Objects.equals(a, b);
  }
}

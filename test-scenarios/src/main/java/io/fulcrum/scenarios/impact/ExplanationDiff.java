package io.fulcrum.scenarios.impact;

import io.fulcrum.engine.explain.Explanation;
import io.fulcrum.engine.explain.ExplanationStep;
import io.fulcrum.engine.explain.MeasureCalled;
import io.fulcrum.engine.explain.RuleFired;
import io.fulcrum.engine.explain.TableHit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The rules, decision-table rows and risk-measure results that differ between two explanations of
 * the same account: each step is reduced to a signature (subject, rule or table, selected rows with
 * their outputs), and the two multisets are subtracted. A table evaluated for the same subject on
 * both sides but with different outputs is reported once, by column name ({@code maxLeverage 125 ->
 * 75}). Calculations are left out: their inputs and results show up as changed figures instead.
 *
 * @param onlyBaseline signatures of steps only the baseline explanation has, in its order
 * @param onlyCandidate the same for the candidate
 * @param changedRows tables hit on both sides whose selected row or outputs differ, e.g. {@code
 *     position BTCUSDT: table 'BTC maintenance brackets' row 3: maintenanceMarginRate 0.01 ->
 *     0.0125}
 */
public record ExplanationDiff(
    List<String> onlyBaseline, List<String> onlyCandidate, List<String> changedRows) {

  public ExplanationDiff {
    onlyBaseline = List.copyOf(onlyBaseline);
    onlyCandidate = List.copyOf(onlyCandidate);
    changedRows = List.copyOf(changedRows);
  }

  public static ExplanationDiff between(Explanation baseline, Explanation candidate) {
    List<Step> a = steps(baseline);
    List<Step> b = steps(candidate);
    List<Step> onlyA = minus(a, b);
    List<Step> onlyB = minus(b, a);
    List<String> changed = new ArrayList<>();
    for (Iterator<Step> it = onlyA.iterator(); it.hasNext(); ) {
      Step x = it.next();
      if (x.table() == null) {
        continue;
      }
      for (Iterator<Step> jt = onlyB.iterator(); jt.hasNext(); ) {
        Step y = jt.next();
        if (y.table() != null && y.key().equals(x.key())) {
          changed.add(changedRow(x.table(), y.table()));
          it.remove();
          jt.remove();
          break;
        }
      }
    }
    return new ExplanationDiff(
        onlyA.stream().map(Step::signature).toList(),
        onlyB.stream().map(Step::signature).toList(),
        changed);
  }

  public boolean isEmpty() {
    return onlyBaseline.isEmpty() && onlyCandidate.isEmpty() && changedRows.isEmpty();
  }

  /** A step's signature; for table hits also the hit and a key (subject and table). */
  private record Step(String signature, String key, TableHit table) {}

  static List<String> signatures(Explanation explanation) {
    return steps(explanation).stream().map(Step::signature).toList();
  }

  private static List<Step> steps(Explanation explanation) {
    List<Step> out = new ArrayList<>();
    for (ExplanationStep step : explanation.steps()) {
      String subject = subject(step.subject());
      if (step instanceof RuleFired r) {
        out.add(new Step(subject + ": rule '" + r.rule() + "'", null, null));
      } else if (step instanceof TableHit t) {
        String key = subject + ": table '" + t.table() + "'";
        out.add(new Step(key + " " + rows(t), key, t));
      } else if (step instanceof MeasureCalled m) {
        out.add(
            new Step(
                subject
                    + ": measure "
                    + m.as()
                    + " ("
                    + m.measure()
                    + ") = "
                    + (m.value() == null ? "none" : m.value().toPlainString()),
                null,
                null));
      }
    }
    return out;
  }

  /** Subjects of re-evaluations name the price they ran at; that price is a figure, not a rule. */
  private static String subject(String subject) {
    return subject.replaceAll(" at liquidation price [-0-9.E]+", " at liquidation price");
  }

  /** Selected rows with their outputs by column name, e.g. {@code row 3 (bracket 3, ...)}. */
  private static String rows(TableHit t) {
    if (t.selectedRows().isEmpty()) {
      return "no row";
    }
    String rows = t.selectedRows().stream().map(r -> "row " + r).collect(Collectors.joining(", "));
    Map<String, Object> out = outputs(t);
    return rows
        + " -> "
        + out.entrySet().stream()
            .map(e -> e.getKey() + " " + text(e.getValue()))
            .collect(Collectors.joining(", "));
  }

  private static String changedRow(TableHit a, TableHit b) {
    String rowsA = rowNumbers(a);
    String rowsB = rowNumbers(b);
    String where = rowsA.equals(rowsB) ? rowsA : rowsA + " -> " + rowsB;
    Map<String, Object> x = outputs(a);
    Map<String, Object> y = outputs(b);
    List<String> columns = new ArrayList<>();
    for (String column : new TreeSet<>(union(x, y))) {
      Object p = x.get(column);
      Object q = y.get(column);
      if (!DecisionComparison.equal(p, q)) {
        columns.add(column + " " + text(p) + " -> " + text(q));
      }
    }
    return subject(a.subject())
        + ": table '"
        + a.table()
        + "' "
        + where
        + (columns.isEmpty() ? " (same outputs)" : ": " + String.join(", ", columns));
  }

  private static String rowNumbers(TableHit t) {
    return t.selectedRows().isEmpty()
        ? "no row"
        : t.selectedRows().stream().map(r -> "row " + r).collect(Collectors.joining(", "));
  }

  /** The hit's outputs by column name (a single unnamed output under the table's name). */
  private static Map<String, Object> outputs(TableHit t) {
    Map<String, Object> out = new java.util.TreeMap<>();
    if (t.output() instanceof Map<?, ?> map) {
      map.forEach((k, v) -> out.put(String.valueOf(k), v));
    } else if (t.output() != null) {
      out.put(t.table(), t.output());
    }
    return out;
  }

  private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
    List<String> keys = new ArrayList<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }

  private static String text(Object value) {
    if (value == null) {
      return "none";
    }
    if (value instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }

  private static List<Step> minus(List<Step> from, List<Step> remove) {
    Map<String, Integer> counts = new HashMap<>();
    remove.forEach(s -> counts.merge(s.signature(), 1, Integer::sum));
    List<Step> out = new ArrayList<>();
    for (Step s : from) {
      Integer n = counts.get(s.signature());
      if (n == null || n == 0) {
        out.add(s);
      } else {
        counts.put(s.signature(), n - 1);
      }
    }
    return out;
  }
}

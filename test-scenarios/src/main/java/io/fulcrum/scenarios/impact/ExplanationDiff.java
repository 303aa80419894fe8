package io.fulcrum.scenarios.impact;

import io.fulcrum.engine.explain.Explanation;
import io.fulcrum.engine.explain.ExplanationStep;
import io.fulcrum.engine.explain.MeasureCalled;
import io.fulcrum.engine.explain.RuleFired;
import io.fulcrum.engine.explain.TableHit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rules, decision-table rows and risk-measure results that differ between two explanations of
 * the same account: each step is reduced to a signature (subject, rule or table, selected rows with
 * their outputs as authored), and the two multisets are subtracted. Calculations are left out:
 * their inputs and results show up as changed figures instead.
 *
 * @param onlyBaseline signatures of steps only the baseline explanation has, in its order
 * @param onlyCandidate the same for the candidate
 */
public record ExplanationDiff(List<String> onlyBaseline, List<String> onlyCandidate) {

  public ExplanationDiff {
    onlyBaseline = List.copyOf(onlyBaseline);
    onlyCandidate = List.copyOf(onlyCandidate);
  }

  public static ExplanationDiff between(Explanation baseline, Explanation candidate) {
    List<String> a = signatures(baseline);
    List<String> b = signatures(candidate);
    return new ExplanationDiff(minus(a, b), minus(b, a));
  }

  public boolean isEmpty() {
    return onlyBaseline.isEmpty() && onlyCandidate.isEmpty();
  }

  static List<String> signatures(Explanation explanation) {
    List<String> out = new ArrayList<>();
    for (ExplanationStep step : explanation.steps()) {
      String subject = subject(step.subject());
      if (step instanceof RuleFired r) {
        out.add(subject + ": rule '" + r.rule() + "'");
      } else if (step instanceof TableHit t) {
        out.add(subject + ": table '" + t.table() + "' " + rows(t));
      } else if (step instanceof MeasureCalled m) {
        out.add(
            subject
                + ": measure "
                + m.as()
                + " ("
                + m.measure()
                + ") = "
                + (m.value() == null ? "none" : m.value().toPlainString()));
      }
    }
    return out;
  }

  /** Subjects of re-evaluations name the price they ran at; that price is a figure, not a rule. */
  private static String subject(String subject) {
    return subject.replaceAll(" at liquidation price [-0-9.E]+", " at liquidation price");
  }

  private static String rows(TableHit t) {
    if (t.selectedRows().isEmpty()) {
      return "no row";
    }
    return t.rows().stream()
        .filter(r -> t.selectedRows().contains(r.row()))
        .map(r -> "row " + r.row() + " -> " + r.outputEntries())
        .collect(Collectors.joining(", "));
  }

  private static List<String> minus(List<String> from, List<String> remove) {
    Map<String, Integer> counts = new HashMap<>();
    remove.forEach(s -> counts.merge(s, 1, Integer::sum));
    List<String> out = new ArrayList<>();
    for (String s : from) {
      Integer n = counts.get(s);
      if (n == null || n == 0) {
        out.add(s);
      } else {
        counts.put(s, n - 1);
      }
    }
    return out;
  }
}

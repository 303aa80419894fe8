package io.fulcrum.scenarios.report;

import io.fulcrum.engine.json.Json;
import io.fulcrum.scenarios.impact.CellImpact;
import io.fulcrum.scenarios.impact.ExplanationDiff;
import io.fulcrum.scenarios.impact.ImpactResult;
import io.fulcrum.scenarios.impact.ImpactResult.StateTotals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Text summary, JSON and HTML of an impact run. */
public final class ImpactReports {

  private static final int TEXT_LISTED = 20;

  private ImpactReports() {}

  public static String text(ImpactResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "impact of %s against %s on suite %s: %,d accounts x %d market states = %,d cells%n",
            r.candidate().ref(),
            r.baseline().ref(),
            r.suite(),
            r.accounts(),
            r.marketStates().size(),
            r.cells()));
    sb.append(
        String.format(
            Locale.ROOT,
            "changed: %,d cells in %,d accounts; status changes: %,d; failed cells: %,d%n",
            r.changes().size(),
            r.changedAccounts(),
            r.statusChanges(),
            r.failures().size()));
    for (StateTotals t : r.totals()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-16s IM %s -> %s (%s)   MM %s -> %s (%s)   %,d accounts changed%n",
              t.state(),
              Html.money(t.baselineInitial()),
              Html.money(t.candidateInitial()),
              signed(t.initialChange()),
              Html.money(t.baselineMaintenance()),
              Html.money(t.candidateMaintenance()),
              signed(t.maintenanceChange()),
              t.changedAccounts()));
    }
    int n = 0;
    for (CellImpact c : r.changes()) {
      if (n == TEXT_LISTED) {
        sb.append(
            String.format(
                Locale.ROOT,
                "  ... %,d more changed cells in the JSON/HTML reports%n",
                r.changes().size() - n));
        break;
      }
      sb.append("  ")
          .append(c.accountId())
          .append(" @ ")
          .append(r.marketStates().get(c.state()))
          .append(": ")
          .append(String.join("; ", c.differences()))
          .append('\n');
      ExplanationDiff d = r.explained().get(n++);
      if (d != null) {
        d.onlyBaseline().forEach(s -> sb.append("      - ").append(s).append('\n'));
        d.onlyCandidate().forEach(s -> sb.append("      + ").append(s).append('\n'));
      }
    }
    for (CellImpact f : r.failures().subList(0, Math.min(TEXT_LISTED, r.failures().size()))) {
      sb.append("  FAILED ")
          .append(f.accountId())
          .append(" @ ")
          .append(r.marketStates().get(f.state()))
          .append(": ")
          .append(f.failure())
          .append('\n');
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "time: decide %.2fs, explain %.2fs, total %.2fs%n",
            r.timings().get("decide"),
            r.timings().get("explain"),
            r.timings().get("total")));
    return sb.toString();
  }

  /** The report as JSON; at most {@code listed} changed cells are written out in detail. */
  public static String json(ImpactResult r, int listed) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("suite", r.suite());
    root.put("baseline", r.baseline());
    root.put("candidate", r.candidate());
    root.put("accounts", r.accounts());
    root.put("marketStates", r.marketStates());
    root.put("cells", r.cells());
    root.put("changedCells", r.changes().size());
    root.put("changedAccounts", r.changedAccounts());
    root.put("statusChanges", r.statusChanges());
    root.put("totals", r.totals().stream().map(ImpactReports::totals).toList());
    List<Object> changes = new ArrayList<>();
    for (int i = 0; i < Math.min(listed, r.changes().size()); i++) {
      changes.add(change(r, i));
    }
    root.put("changesListed", changes.size());
    root.put("changes", changes);
    root.put(
        "failures",
        r.failures().stream()
            .map(
                f ->
                    Map.of(
                        "account",
                        f.accountId(),
                        "marketState",
                        r.marketStates().get(f.state()),
                        "reason",
                        f.failure()))
            .toList());
    root.put("timingsSeconds", new java.util.TreeMap<>(r.timings()));
    return Json.pretty(root);
  }

  private static Map<String, Object> totals(StateTotals t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("marketState", t.state());
    m.put(
        "initialMargin",
        Map.of(
            "baseline",
            t.baselineInitial(),
            "candidate",
            t.candidateInitial(),
            "change",
            t.initialChange()));
    m.put(
        "maintenanceMargin",
        Map.of(
            "baseline",
            t.baselineMaintenance(),
            "candidate",
            t.candidateMaintenance(),
            "change",
            t.maintenanceChange()));
    m.put("changedAccounts", t.changedAccounts());
    return m;
  }

  static Map<String, Object> change(ImpactResult r, int i) {
    CellImpact c = r.changes().get(i);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account", c.accountId());
    m.put("marketState", r.marketStates().get(c.state()));
    m.put("status", Map.of("baseline", c.baselineStatus(), "candidate", c.candidateStatus()));
    m.put(
        "initialMargin",
        Map.of("baseline", c.baselineInitial(), "candidate", c.candidateInitial()));
    m.put(
        "maintenanceMargin",
        Map.of("baseline", c.baselineMaintenance(), "candidate", c.candidateMaintenance()));
    m.put("differences", c.differences());
    ExplanationDiff d = r.explained().get(i);
    if (d != null) {
      m.put("firedOnlyInBaseline", d.onlyBaseline());
      m.put("firedOnlyInCandidate", d.onlyCandidate());
    }
    return m;
  }

  static String signed(java.math.BigDecimal value) {
    return (value.signum() > 0 ? "+" : "") + Html.money(value);
  }
}

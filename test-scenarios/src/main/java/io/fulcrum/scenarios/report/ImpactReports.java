package io.fulcrum.scenarios.report;

import io.fulcrum.engine.compare.Difference;
import io.fulcrum.engine.json.Json;
import io.fulcrum.scenarios.impact.CellImpact;
import io.fulcrum.scenarios.impact.ChangeKind;
import io.fulcrum.scenarios.impact.ChangeSummary;
import io.fulcrum.scenarios.impact.ImpactResult;
import io.fulcrum.scenarios.impact.ImpactResult.StateTotals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Text summary, JSON and HTML of an impact run. */
public final class ImpactReports {

  private static final int TEXT_LISTED = 20;

  private ImpactReports() {}

  public static String text(ImpactResult r) {
    return text(r, Integer.MAX_VALUE);
  }

  /**
   * The console summary; {@code listed} is how many changed cells the JSON and HTML reports list
   * (the console says so, so it never promises more than they hold).
   */
  public static String text(ImpactResult r, int listed) {
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
    ChangeSummary s = r.summary();
    if (r.hasFailures()) {
      long faults = r.failures().stream().filter(CellImpact::policyFault).count();
      sb.append(
          String.format(
              Locale.ROOT,
              "FAILED: %,d cells in %,d accounts could not be decided (%,d policy faults);"
                  + " they are left out of every total below%n",
              s.failedCells(),
              s.failedAccounts(),
              faults));
      int n = 0;
      for (CellImpact f : r.failures()) {
        if (n++ == TEXT_LISTED) {
          sb.append(
              String.format(
                  Locale.ROOT,
                  "  ... %,d more failed cells; the JSON report lists all, the HTML %s%n",
                  r.failures().size() - TEXT_LISTED,
                  r.failures().size() <= listed
                      ? "all"
                      : String.format(Locale.ROOT, "the first %,d (--list)", listed)));
          break;
        }
        sb.append("  FAILED ")
            .append(f.accountId())
            .append(" @ ")
            .append(r.marketStates().get(f.state()))
            .append(": ")
            .append(f.failure())
            .append('\n');
      }
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "changed: %,d cells in %,d accounts; status changes: %,d; failed cells: %,d%n",
            r.changes().size(),
            r.changedAccounts(),
            r.statusChanges(),
            r.failures().size()));
    summary(sb, s);
    for (StateTotals t : r.totals()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-16s IM %s -> %s (%s)   MM %s -> %s (%s)   %,d accounts changed%s%n",
              t.state(),
              Html.money(t.baselineInitial()),
              Html.money(t.candidateInitial()),
              signed(t.initialChange()),
              Html.money(t.baselineMaintenance()),
              Html.money(t.candidateMaintenance()),
              signed(t.maintenanceChange()),
              t.changedAccounts(),
              t.failedCells() == 0
                  ? ""
                  : String.format(
                      Locale.ROOT, "   %,d failed cells not in totals", t.failedCells())));
    }
    int n = 0;
    for (CellImpact c : r.changes()) {
      if (n == TEXT_LISTED) {
        int inReports = Math.min(listed, r.changes().size());
        sb.append(
            String.format(
                Locale.ROOT,
                "  ... %,d more changed cells; the JSON and HTML reports list %s%n",
                r.changes().size() - n,
                inReports == r.changes().size()
                    ? "all " + String.format(Locale.ROOT, "%,d", inReports)
                    : String.format(Locale.ROOT, "the first %,d (raise with --list)", inReports)));
        break;
      }
      sb.append("  ")
          .append(c.accountId())
          .append(" @ ")
          .append(r.marketStates().get(c.state()))
          .append(": ")
          .append(c.differences().stream().map(Difference::text).collect(Collectors.joining("; ")))
          .append('\n');
      List<Difference> d = r.explained().get(n++);
      if (d != null) {
        d.forEach(
            x ->
                sb.append("      ")
                    .append(x.kind().symbol())
                    .append(' ')
                    .append(x.text())
                    .append('\n'));
      }
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

  private static void summary(StringBuilder sb, ChangeSummary s) {
    sb.append("  status (cells, baseline -> candidate):");
    s.statusTransitions()
        .forEach(
            (from, row) ->
                row.forEach(
                    (to, count) ->
                        sb.append(String.format(Locale.ROOT, " %s->%s %,d", from, to, count))));
    sb.append('\n');
    sb.append("  accounts changed by kind:");
    s.accountsByKind()
        .forEach(
            (kind, count) ->
                sb.append(String.format(Locale.ROOT, " %s %,d;", kind.label(), count)));
    sb.append(
        String.format(
            Locale.ROOT, " only decision-table parameters %,d%n", s.accountsOnlyParameters()));
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
    root.put("failedCells", r.failures().size());
    root.put(
        "failures",
        r.failures().stream()
            .map(
                f -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("account", f.accountId());
                  m.put("marketState", r.marketStates().get(f.state()));
                  m.put("policyFault", f.policyFault());
                  m.put("reason", f.failure());
                  return m;
                })
            .toList());
    root.put("summary", summary(r.summary()));
    root.put("totals", r.totals().stream().map(ImpactReports::totals).toList());
    List<Object> changes = new ArrayList<>();
    for (int i = 0; i < Math.min(listed, r.changes().size()); i++) {
      changes.add(change(r, i));
    }
    root.put("changesListed", changes.size());
    root.put("changes", changes);
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
    m.put("failedCells", t.failedCells());
    return m;
  }

  private static Map<String, Object> summary(ChangeSummary s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("statusTransitions", s.statusTransitions());
    Map<String, Object> kinds = new LinkedHashMap<>();
    kinds.put("status", s.accountsByKind().get(ChangeKind.STATUS));
    kinds.put("initialMargin", s.accountsByKind().get(ChangeKind.INITIAL_MARGIN));
    kinds.put("maintenanceMargin", s.accountsByKind().get(ChangeKind.MAINTENANCE_MARGIN));
    kinds.put("liquidationPrice", s.accountsByKind().get(ChangeKind.LIQUIDATION_PRICE));
    kinds.put("flags", s.accountsByKind().get(ChangeKind.FLAGS));
    kinds.put("parameters", s.accountsByKind().get(ChangeKind.PARAMETERS));
    kinds.put("other", s.accountsByKind().get(ChangeKind.OTHER));
    kinds.put("onlyParameters", s.accountsOnlyParameters());
    m.put("accountsChanged", kinds);
    m.put("failedCells", s.failedCells());
    m.put("failedAccounts", s.failedAccounts());
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
    m.put(
        "differences",
        c.differences().stream()
            .map(
                x -> {
                  Map<String, Object> f = new LinkedHashMap<>();
                  if (x.position() != null) {
                    f.put("position", x.position());
                  }
                  f.put("field", x.field());
                  f.put("kind", ChangeKind.of(x));
                  f.put("baseline", x.before());
                  f.put("candidate", x.after());
                  return f;
                })
            .toList());
    List<Difference> d = r.explained().get(i);
    if (d != null) {
      m.put("tableRowsChanged", texts(d, Difference.Kind.CHANGED));
      m.put("firedOnlyInBaseline", texts(d, Difference.Kind.REMOVED));
      m.put("firedOnlyInCandidate", texts(d, Difference.Kind.ADDED));
    }
    return m;
  }

  private static List<String> texts(List<Difference> differences, Difference.Kind kind) {
    return differences.stream().filter(x -> x.kind() == kind).map(Difference::text).toList();
  }

  static String signed(java.math.BigDecimal value) {
    return (value.signum() > 0 ? "+" : "") + Html.money(value);
  }
}

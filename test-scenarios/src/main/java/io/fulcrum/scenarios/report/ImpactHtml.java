package io.fulcrum.scenarios.report;

import io.fulcrum.engine.compare.Difference;
import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.scenarios.impact.CellImpact;
import io.fulcrum.scenarios.impact.ChangeSummary;
import io.fulcrum.scenarios.impact.ImpactResult;
import io.fulcrum.scenarios.impact.ImpactResult.StateTotals;
import java.util.Locale;

/** The impact report as one self-contained HTML page with an inline SVG histogram. */
public final class ImpactHtml {

  private ImpactHtml() {}

  public static String of(ImpactResult r, int listed) {
    StringBuilder b = new StringBuilder();
    b.append("<p>Baseline <b>")
        .append(Html.escape(r.baseline().ref()))
        .append("</b> <span class=\"muted\">")
        .append(Html.escape(r.baseline().hash()))
        .append("</span><br>Candidate <b>")
        .append(Html.escape(r.candidate().ref()))
        .append("</b> <span class=\"muted\">")
        .append(Html.escape(r.candidate().hash()))
        .append("</span></p>\n");
    b.append(
        String.format(
            Locale.ROOT,
            "<p>%,d accounts x %d market states = %,d cells. <b>%,d cells changed</b> in %,d accounts; "
                + "<b>%,d status changes</b>; %,d cells failed.</p>%n",
            r.accounts(),
            r.marketStates().size(),
            r.cells(),
            r.changes().size(),
            r.changedAccounts(),
            r.statusChanges(),
            r.failures().size()));
    if (r.hasFailures()) {
      b.append(
          String.format(
              Locale.ROOT,
              "<h2 class=\"fail\">Failed cells: %,d in %,d accounts</h2>%n<p>A version could not"
                  + " decide these cells; they are left out of every total and count below.</p>%n"
                  + "<table><tr><th>account</th><th>market state</th><th>fault of</th><th>error</th></tr>%n",
              r.summary().failedCells(),
              r.summary().failedAccounts()));
      for (CellImpact f : r.failures().subList(0, Math.min(listed, r.failures().size()))) {
        b.append("<tr><td>")
            .append(Html.escape(f.accountId()))
            .append("</td><td>")
            .append(Html.escape(r.marketStates().get(f.state())))
            .append("</td><td>")
            .append(f.policyFault() ? "policy" : "input")
            .append("</td><td class=\"fail\">")
            .append(Html.escape(f.failure()))
            .append("</td></tr>\n");
      }
      b.append("</table>\n");
      if (r.failures().size() > listed) {
        b.append(
            String.format(
                Locale.ROOT,
                "<p class=\"fail\">%,d further failed cells not listed here; the JSON report lists"
                    + " all of them.</p>%n",
                r.failures().size() - listed));
      }
    }
    summary(b, r.summary());
    b.append(
        "<h2>Book totals per market state</h2>\n<table><tr><th>market state</th><th>IM baseline</th><th>IM candidate</th>"
            + "<th>IM change</th><th>MM baseline</th><th>MM candidate</th><th>MM change</th><th>accounts changed</th>"
            + "<th>failed cells (not in totals)</th></tr>\n");
    for (StateTotals t : r.totals()) {
      b.append("<tr><td>")
          .append(Html.escape(t.state()))
          .append("</td>")
          .append(Html.numberCell(Html.money(t.baselineInitial())))
          .append(Html.numberCell(Html.money(t.candidateInitial())))
          .append(Html.numberCell(ImpactReports.signed(t.initialChange())))
          .append(Html.numberCell(Html.money(t.baselineMaintenance())))
          .append(Html.numberCell(Html.money(t.candidateMaintenance())))
          .append(Html.numberCell(ImpactReports.signed(t.maintenanceChange())))
          .append(Html.numberCell(String.format(Locale.ROOT, "%,d", t.changedAccounts())))
          .append(Html.numberCell(String.format(Locale.ROOT, "%,d", t.failedCells())))
          .append("</tr>\n");
    }
    b.append("</table>\n<h2>Distribution of maintenance margin changes (changed cells)</h2>\n")
        .append(
            Chart.histogram(
                r.maintenanceChanges(),
                30,
                "maintenance margin change, candidate - baseline",
                "changed cells"));
    b.append(
        "<h2>Changed accounts</h2>\n<p class=\"muted\">Status changes first, then by size of the maintenance "
            + "margin change. Rules and table rows: <b>~</b> same table, changed row or outputs (by column),"
            + " <b>-</b> fired only under the baseline, <b>+</b> only under the candidate"
            + (r.explained().size() < r.changes().size()
                ? String.format(
                    Locale.ROOT, " (explained for the first %,d changes)", r.explained().size())
                : "")
            + ".</p>\n<table><tr><th>account</th><th>market state</th><th>status</th><th>initial margin</th>"
            + "<th>maintenance margin</th><th>what changed</th><th>rules and table rows</th></tr>\n");
    int n = Math.min(listed, r.changes().size());
    for (int i = 0; i < n; i++) {
      row(b, r, i);
    }
    b.append("</table>\n");
    if (n < r.changes().size()) {
      b.append(
          String.format(
              Locale.ROOT,
              "<p class=\"muted\">%,d further changed cells not listed.</p>%n",
              r.changes().size() - n));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "<p class=\"muted\">Run time: decide %.2f s, explain %.2f s, total %.2f s.</p>%n",
            r.timings().get("decide"),
            r.timings().get("explain"),
            r.timings().get("total")));
    return Html.page(
        "Impact: " + r.candidate().ref() + " vs " + r.baseline().ref() + " on " + r.suite(),
        b.toString());
  }

  private static void row(StringBuilder b, ImpactResult r, int i) {
    CellImpact c = r.changes().get(i);
    String statusClass = c.statusChanged() ? " class=\"fail\"" : "";
    b.append("<tr><td>")
        .append(Html.escape(c.accountId()))
        .append("</td><td>")
        .append(Html.escape(r.marketStates().get(c.state())))
        .append("</td><td")
        .append(statusClass)
        .append(">")
        .append(c.baselineStatus())
        .append(c.statusChanged() ? " &rarr; " + c.candidateStatus() : "")
        .append("</td>")
        .append(
            Html.numberCell(
                Html.money(c.baselineInitial()) + " &rarr; " + Html.money(c.candidateInitial())))
        .append(
            Html.numberCell(
                Html.money(c.baselineMaintenance())
                    + " &rarr; "
                    + Html.money(c.candidateMaintenance())))
        .append("<td>")
        .append(
            Html.escape(
                c.differences().stream()
                    .map(Difference::text)
                    .collect(java.util.stream.Collectors.joining("; "))))
        .append("</td><td>");
    java.util.List<Difference> d = r.explained().get(i);
    if (d == null) {
      b.append("<span class=\"muted\">not explained</span>");
    } else {
      d.forEach(
          x ->
              b.append("<div>")
                  .append(x.kind().symbol())
                  .append(' ')
                  .append(Html.escape(x.text()))
                  .append("</div>"));
    }
    b.append("</td></tr>\n");
  }

  private static void summary(StringBuilder b, ChangeSummary s) {
    b.append(
        "<h2>Changes by kind</h2>\n<p>Status transitions (cells; rows: baseline, columns:"
            + " candidate)</p>\n<table><tr><th>baseline \\ candidate</th>");
    java.util.List<DecisionStatus> statuses = java.util.List.of(DecisionStatus.values());
    statuses.forEach(st -> b.append("<th>").append(st).append("</th>"));
    b.append("</tr>\n");
    for (DecisionStatus from : statuses) {
      var row = s.statusTransitions().getOrDefault(from, new java.util.TreeMap<>());
      b.append("<tr><th>").append(from).append("</th>");
      for (DecisionStatus to : statuses) {
        long n = row.getOrDefault(to, 0L);
        b.append(
            from != to && n > 0
                ? "<td class=\"n fail\">" + String.format(Locale.ROOT, "%,d", n) + "</td>"
                : Html.numberCell(String.format(Locale.ROOT, "%,d", n)));
      }
      b.append("</tr>\n");
    }
    b.append("</table>\n<table><tr><th>accounts whose ... changed</th><th>accounts</th></tr>\n");
    s.accountsByKind()
        .forEach(
            (kind, n) ->
                b.append("<tr><td>")
                    .append(Html.escape(kind.label()))
                    .append("</td>")
                    .append(Html.numberCell(String.format(Locale.ROOT, "%,d", n)))
                    .append("</tr>\n"));
    b.append("<tr><td>only decision-table parameters (no figure, status or flag)</td>")
        .append(Html.numberCell(String.format(Locale.ROOT, "%,d", s.accountsOnlyParameters())))
        .append("</tr>\n</table>\n");
  }
}

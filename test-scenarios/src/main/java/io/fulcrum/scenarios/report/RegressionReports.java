package io.fulcrum.scenarios.report;

import io.fulcrum.scenarios.regress.CaseResult;
import io.fulcrum.scenarios.regress.Failure;
import io.fulcrum.scenarios.regress.RegressionResult;
import io.fulcrum.scenarios.run.CellResult;
import java.util.Locale;

/** Text summary and HTML report of a regression run. */
public final class RegressionReports {

  private static final int LISTED_FAILURES = 50;

  private RegressionReports() {}

  public static String text(RegressionResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "suite %s under %s: %d cases (%d accounts x %d market states), %d checks, %s in %.2fs%n",
            r.suite().name(),
            r.policy(),
            r.cases().size(),
            r.cases().size() / Math.max(1, r.suite().marketStates().size()),
            r.suite().marketStates().size(),
            r.checks(),
            r.passed()
                ? "all passed"
                : r.failures().size() + " FAILED in " + r.failedCases() + " cases",
            r.elapsed().toNanos() / 1e9));
    int listed = 0;
    for (Failure f : r.failures()) {
      if (listed++ == LISTED_FAILURES) {
        sb.append("... and ").append(r.failures().size() - LISTED_FAILURES).append(" more\n");
        break;
      }
      sb.append("FAIL ").append(f.message()).append('\n');
    }
    return sb.toString();
  }

  public static String html(RegressionResult r) {
    StringBuilder b = new StringBuilder();
    b.append("<p>Suite <code>")
        .append(Html.escape(r.suite().source().toString()))
        .append("</code> under <b>")
        .append(Html.escape(r.policy()))
        .append("</b> <span class=\"muted\">(bundle sha256 ")
        .append(Html.escape(r.policyHash()))
        .append(")</span></p>\n");
    b.append("<p><span class=\"badge ")
        .append(r.passed() ? "pass\">PASSED" : "fail\">FAILED")
        .append("</span> ")
        .append(
            String.format(
                Locale.ROOT,
                "%d cases, %d checks, %d failures, %.2f s",
                r.cases().size(),
                r.checks(),
                r.failures().size(),
                r.elapsed().toNanos() / 1e9))
        .append("</p>\n");
    if (!r.passed()) {
      b.append(
          "<h2>Failures</h2>\n<table><tr><th>account</th><th>market state</th><th>check</th><th>expected</th>"
              + "<th>actual</th><th>line</th></tr>\n");
      for (Failure f : r.failures()) {
        b.append("<tr><td>")
            .append(Html.escape(f.account()))
            .append("</td><td>")
            .append(Html.escape(f.market()))
            .append("</td><td>")
            .append(Html.escape(f.check()))
            .append("</td><td class=\"n\">")
            .append(Html.escape(f.expected()))
            .append("</td><td class=\"n fail\">")
            .append(Html.escape(f.actual()))
            .append("</td><td class=\"n\">")
            .append(f.line())
            .append("</td></tr>\n");
      }
      b.append("</table>\n");
    }
    b.append(
        "<h2>Cases</h2>\n<table><tr><th>account</th><th>market state</th><th>status</th><th>initial margin</th>"
            + "<th>maintenance margin</th><th>margin balance</th><th>margin ratio</th><th>checks</th><th>result</th></tr>\n");
    for (CaseResult c : r.cases()) {
      b.append("<tr><td>")
          .append(Html.escape(c.account()))
          .append("</td><td>")
          .append(Html.escape(c.market()))
          .append("</td>");
      if (c.outcome() instanceof CellResult.Decided d) {
        var m = d.decision();
        b.append("<td>")
            .append(m.status())
            .append("</td><td class=\"n\">")
            .append(Html.money(m.initialMargin()))
            .append("</td><td class=\"n\">")
            .append(Html.money(m.maintenanceMargin()))
            .append("</td><td class=\"n\">")
            .append(Html.money(m.marginBalance()))
            .append("</td><td class=\"n\">")
            .append(Html.plain(m.marginRatio()))
            .append("</td>");
      } else {
        b.append("<td colspan=\"5\" class=\"fail\">")
            .append(Html.escape(((CellResult.Failed) c.outcome()).reason()))
            .append("</td>");
      }
      b.append("<td class=\"n\">")
          .append(c.checks())
          .append("</td><td class=\"")
          .append(c.passed() ? "pass\">pass" : "fail\">FAIL")
          .append("</td></tr>\n");
    }
    b.append("</table>\n");
    return Html.page("Regression: " + r.suite().name() + " under " + r.policy(), b.toString());
  }
}

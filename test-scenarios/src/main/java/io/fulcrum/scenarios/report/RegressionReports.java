package io.fulcrum.scenarios.report;

import io.fulcrum.scenarios.regress.CaseResult;
import io.fulcrum.scenarios.regress.Failure;
import io.fulcrum.scenarios.regress.RegressionResult;
import io.fulcrum.scenarios.run.CellResult;
import io.fulcrum.scenarios.suite.Expectation;
import java.util.List;
import java.util.Locale;

/** Text summary and HTML report of a regression run. */
public final class RegressionReports {

  private static final int LISTED_FAILURES = 50;

  private RegressionReports() {}

  public static String text(RegressionResult r) {
    return text(r, false);
  }

  /** The console summary; under {@code strict} skipped expectations and unchecked cases fail. */
  public static String text(RegressionResult r, boolean strict) {
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
    if (r.skippedExpectations() > 0) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%sSKIPPED %d expectations pinned to other versions (%s), not checked under %s%n",
              strict ? "STRICT: " : "",
              r.skippedExpectations(),
              skippedLines(r),
              r.policy()));
    }
    if (r.uncheckedCases() > 0) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%sNO CHECKS in %d cases (decided, but no expectation applies): %s%n",
              strict ? "STRICT: " : "",
              r.uncheckedCases(),
              uncheckedNames(r)));
    }
    if (strict && r.passed() && !r.passed(true)) {
      sb.append("FAILED under --strict: every expectation must run and every case must check\n");
    }
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

  /** E.g. {@code lines 155, 180 (versions [1])}. */
  private static String skippedLines(RegressionResult r) {
    java.util.SortedMap<Integer, java.util.List<String>> lines = new java.util.TreeMap<>();
    for (CaseResult c : r.cases()) {
      for (Expectation e : c.skipped()) {
        lines.put(
            e.line(),
            e.versions().stream().sorted(io.fulcrum.engine.policy.VersionOrder.ASCENDING).toList());
      }
    }
    return lines.entrySet().stream()
            .limit(LISTED_FAILURES)
            .map(e -> "line " + e.getKey() + " for versions " + e.getValue())
            .collect(java.util.stream.Collectors.joining(", "))
        + (lines.size() > LISTED_FAILURES ? ", ..." : "");
  }

  private static String uncheckedNames(RegressionResult r) {
    List<String> names =
        r.cases().stream().filter(CaseResult::unchecked).map(CaseResult::name).toList();
    return String.join(", ", names.subList(0, Math.min(LISTED_FAILURES, names.size())))
        + (names.size() > LISTED_FAILURES ? ", ..." : "");
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
                "%d cases, %d checks, %d failures, %d expectations skipped (pinned to other"
                    + " versions), %d cases with no checks, %.2f s",
                r.cases().size(),
                r.checks(),
                r.failures().size(),
                r.skippedExpectations(),
                r.uncheckedCases(),
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
            + "<th>maintenance margin</th><th>margin balance</th><th>margin ratio</th><th>flags</th><th>checks</th><th>result</th></tr>\n");
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
            .append("</td><td>");
        // Each flag by name, its detail and raising rule on hover.
        m.flags()
            .forEach(
                f ->
                    b.append("<span title=\"")
                        .append(Html.escape(f.detail() + " (rule '" + f.raisedBy() + "')"))
                        .append("\">")
                        .append(Html.escape(f.name()))
                        .append("</span> "));
        b.append("</td>");
      } else {
        b.append("<td colspan=\"6\" class=\"fail\">")
            .append(Html.escape(((CellResult.Failed) c.outcome()).reason()))
            .append("</td>");
      }
      b.append("<td class=\"n\">")
          .append(c.checks())
          .append(
              c.skipped().isEmpty()
                  ? ""
                  : " <span class=\"muted\">(" + c.skipped().size() + " skipped)</span>")
          .append("</td><td class=\"")
          .append(!c.passed() ? "fail\">FAIL" : c.unchecked() ? "muted\">no checks" : "pass\">pass")
          .append("</td></tr>\n");
    }
    b.append("</table>\n");
    return Html.page("Regression: " + r.suite().name() + " under " + r.policy(), b.toString());
  }
}

package io.fulcrum.scenarios.report;

import io.fulcrum.scenarios.regress.CaseResult;
import io.fulcrum.scenarios.regress.Failure;
import io.fulcrum.scenarios.regress.RegressionResult;
import io.fulcrum.scenarios.suite.Expectation;
import java.util.Locale;

/**
 * A regression run as JUnit XML (the Ant/Surefire schema CI systems read): one {@code testsuite}
 * per run, one {@code testcase} per account and market state, a {@code failure} per failed case. A
 * case decided without any check is {@code skipped} ("no checks"), and every expectation pinned to
 * other versions is its own {@code skipped} testcase, so {@code skipped=} counts both. Text and
 * attributes are escaped by {@link Html#escape}, which is correct for XML 1.0 too.
 */
public final class JunitXml {

  private JunitXml() {}

  public static String of(RegressionResult r) {
    String suiteName = r.suite().name() + " under " + r.policy();
    double seconds = r.elapsed().toNanos() / 1e9;
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\" time=\"%.3f\">%n",
            Html.escape(suiteName),
            r.cases().size() + r.skippedExpectations(),
            r.failedCases(),
            r.uncheckedCases() + r.skippedExpectations(),
            seconds));
    sb.append("  <properties>\n")
        .append("    <property name=\"policy\" value=\"")
        .append(Html.escape(r.policy()))
        .append("\"/>\n")
        .append("    <property name=\"policyHash\" value=\"")
        .append(Html.escape(r.policyHash()))
        .append("\"/>\n")
        .append("    <property name=\"suiteFile\" value=\"")
        .append(Html.escape(r.suite().source().toString()))
        .append("\"/>\n")
        .append("  </properties>\n");
    for (CaseResult c : r.cases()) {
      sb.append("  <testcase classname=\"")
          .append(Html.escape("scenarios." + r.suite().name()))
          .append("\" name=\"")
          .append(Html.escape(c.name()))
          .append("\"");
      if (c.unchecked()) {
        sb.append(">\n    <skipped message=\"")
            .append(
                Html.escape(
                    c.skipped().isEmpty()
                        ? "no checks: no expectation for this account and market state"
                        : "no checks: every expectation here is pinned to other versions"))
            .append("\"/>\n  </testcase>\n");
      } else if (c.passed()) {
        sb.append("/>\n");
      } else {
        StringBuilder detail = new StringBuilder();
        for (Failure f : c.failures()) {
          detail.append(f.message()).append('\n');
        }
        sb.append(">\n    <failure message=\"")
            .append(Html.escape(c.failures().get(0).message()))
            .append("\" type=\"expectation\">")
            .append(Html.escape(detail.toString()))
            .append("</failure>\n  </testcase>\n");
      }
      for (Expectation e : c.skipped()) {
        sb.append("  <testcase classname=\"")
            .append(Html.escape("scenarios." + r.suite().name()))
            .append("\" name=\"")
            .append(Html.escape(c.name() + ": expectation at line " + e.line()))
            .append("\">\n    <skipped message=\"")
            .append(
                Html.escape(
                    "pinned to versions "
                        + e.versions().stream()
                            .sorted(io.fulcrum.engine.policy.VersionOrder.ASCENDING)
                            .toList()
                        + "; this run is "
                        + r.policy()))
            .append("\"/>\n  </testcase>\n");
      }
    }
    return sb.append("</testsuite>\n").toString();
  }
}

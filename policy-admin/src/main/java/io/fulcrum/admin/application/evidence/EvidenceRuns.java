package io.fulcrum.admin.application.evidence;

import io.fulcrum.backtest.BacktestReport;
import io.fulcrum.engine.backtest.Backtest;
import io.fulcrum.engine.backtest.BacktestPortfolio;
import io.fulcrum.engine.backtest.BacktestResult;
import io.fulcrum.engine.backtest.BacktestSpec;
import io.fulcrum.engine.backtest.DataStamp;
import io.fulcrum.engine.backtest.PolicyMarginModel;
import io.fulcrum.engine.backtest.PricePanel;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.market.MarketDataSet;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.scenarios.impact.CellImpact;
import io.fulcrum.scenarios.impact.ImpactResult;
import io.fulcrum.scenarios.regress.CaseResult;
import io.fulcrum.scenarios.regress.Failure;
import io.fulcrum.scenarios.regress.RegressionResult;
import io.fulcrum.scenarios.report.ImpactReports;
import io.fulcrum.scenarios.report.JunitXml;
import io.fulcrum.scenarios.run.CellResult;
import io.fulcrum.scenarios.suite.Expectation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The stored form of each evidence result: JSON for the console, the JUnit XML of a regression.
 * Impact results embed the command line's own JSON report ({@link ImpactReports#json}) unchanged,
 * so the page shows the CLI's numbers, plus histograms over every changed cell.
 */
public final class EvidenceRuns {

  /** Changed cells listed in detail (with explanation diffs) in an impact result. */
  public static final int LISTED = 100;

  /** Cases listed one by one in a regression result (all failed ones always are). */
  static final int CASES_LISTED = 2000;

  /** Histogram bins. */
  static final int BINS = 20;

  private EvidenceRuns() {}

  /** A finished computation, ready to store. */
  public record Outcome(String outcome, String summary, String resultJson, String reportText) {}

  // ---- regression ---------------------------------------------------------------------------

  public static Outcome regression(List<RegressionResult> results) {
    List<Object> suites = new ArrayList<>();
    long checks = 0;
    long failures = 0;
    long failedCases = 0;
    long skipped = 0;
    long unchecked = 0;
    long cases = 0;
    for (RegressionResult r : results) {
      suites.add(suite(r));
      checks += r.checks();
      failures += r.failures().size();
      failedCases += r.failedCases();
      skipped += r.skippedExpectations();
      unchecked += r.uncheckedCases();
      cases += r.cases().size();
    }
    boolean passed = failures == 0;
    String summary =
        String.format(
            Locale.ROOT,
            "%s: %d suite(s), %d cases, %d checks, %d failed expectation(s) in %d case(s), %d"
                + " expectation(s) skipped (pinned to other versions), %d case(s) with no check",
            passed ? "passed" : "FAILED",
            results.size(),
            cases,
            checks,
            failures,
            failedCases,
            skipped,
            unchecked);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("passed", passed);
    root.put("cases", cases);
    root.put("checks", checks);
    root.put("failures", failures);
    root.put("failedCases", failedCases);
    root.put("skippedExpectations", skipped);
    root.put("uncheckedCases", unchecked);
    root.put("suites", suites);
    return new Outcome(passed ? "PASSED" : "FAILED", summary, Json.canonical(root), junit(results));
  }

  private static Map<String, Object> suite(RegressionResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("suite", r.suite().name());
    m.put("file", r.suite().source().getFileName().toString());
    m.put("policy", r.policy());
    m.put("policyHash", r.policyHash());
    m.put("cases", r.cases().size());
    m.put("checks", r.checks());
    m.put("failures", r.failures().size());
    m.put("failedCases", r.failedCases());
    m.put("skippedExpectations", r.skippedExpectations());
    m.put("uncheckedCases", r.uncheckedCases());
    m.put("passed", r.passed());
    List<Object> listed = new ArrayList<>();
    int n = 0;
    for (CaseResult c : r.cases()) {
      boolean notable = !c.passed() || c.unchecked() || !c.skipped().isEmpty();
      if (n >= CASES_LISTED && !notable) {
        continue;
      }
      n++;
      listed.add(caseOf(c));
    }
    m.put("casesListed", listed.size());
    m.put("caseResults", listed);
    return m;
  }

  private static Map<String, Object> caseOf(CaseResult c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account", c.account());
    m.put("market", c.market());
    String result =
        c.outcome() instanceof CellResult.Failed
            ? "error"
            : !c.passed() ? "failed" : c.unchecked() ? "unchecked" : "passed";
    m.put("result", result);
    m.put("checks", c.checks());
    if (c.outcome() instanceof CellResult.Decided d) {
      m.put("status", d.decision().status());
    }
    List<Object> failures = new ArrayList<>();
    for (Failure f : c.failures()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("check", f.check());
      x.put("expected", f.expected());
      x.put("actual", f.actual());
      x.put("line", f.line());
      x.put("message", f.message());
      failures.add(x);
    }
    m.put("failures", failures);
    List<Object> skipped = new ArrayList<>();
    for (Expectation e : c.skipped()) {
      skipped.add(Map.of("line", e.line(), "versions", e.versions().stream().sorted().toList()));
    }
    m.put("skipped", skipped);
    return m;
  }

  /** One JUnit XML document: the suites' {@code testsuite} elements in a {@code testsuites}. */
  static String junit(List<RegressionResult> results) {
    if (results.size() == 1) {
      return JunitXml.of(results.get(0));
    }
    StringBuilder sb =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
    for (RegressionResult r : results) {
      String xml = JunitXml.of(r);
      sb.append(xml.substring(xml.indexOf("?>") + 2).strip()).append('\n');
    }
    return sb.append("</testsuites>\n").toString();
  }

  // ---- impact -------------------------------------------------------------------------------

  /**
   * The command line's JSON report of {@code r} (as {@code fulcrum impact} writes it) under {@code
   * impact}, and histograms of the IM and MM changes of every changed cell.
   */
  public static Outcome impact(ImpactResult r, String currency) {
    String cli = ImpactReports.json(r, LISTED);
    Map<String, Object> hist = new LinkedHashMap<>();
    hist.put(
        "initialMargin",
        histogram(
            r.changes(),
            CellImpact::initialChange,
            "Change in initial margin (candidate - baseline, " + currency + ")"));
    hist.put(
        "maintenanceMargin",
        histogram(
            r.changes(),
            CellImpact::maintenanceChange,
            "Change in maintenance margin (candidate - baseline, " + currency + ")"));
    String json = "{\"histograms\":" + Json.canonical(hist) + ",\"impact\":" + cli.strip() + "}";
    boolean changed = !r.changes().isEmpty();
    String summary =
        String.format(
            Locale.ROOT,
            "%s vs %s over %s: %,d cells, %,d changed (%,d accounts), %,d status change(s), %,d"
                + " failed",
            r.candidate().ref(),
            r.baseline().ref(),
            r.suite(),
            r.cells(),
            r.changes().size(),
            r.changedAccounts(),
            r.statusChanges(),
            r.failures().size());
    return new Outcome(
        r.hasFailures() ? "FAILURES" : changed ? "CHANGES" : "NO_CHANGES", summary, json, null);
  }

  /** Equal-width bins over [min, max] of the changes; counts are exact. */
  static Map<String, Object> histogram(
      List<CellImpact> cells, Function<CellImpact, BigDecimal> value, String axis) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("xAxis", axis);
    m.put("yAxis", "Changed cells");
    m.put("count", cells.size());
    List<Object> bins = new ArrayList<>();
    if (!cells.isEmpty()) {
      BigDecimal min = null;
      BigDecimal max = null;
      double[] xs = new double[cells.size()];
      for (int i = 0; i < cells.size(); i++) {
        BigDecimal v = value.apply(cells.get(i));
        min = min == null || v.compareTo(min) < 0 ? v : min;
        max = max == null || v.compareTo(max) > 0 ? v : max;
        xs[i] = v.doubleValue();
      }
      m.put("min", min);
      m.put("max", max);
      double lo = min.doubleValue();
      double hi = max.doubleValue();
      int n = hi > lo ? BINS : 1;
      double width = hi > lo ? (hi - lo) / n : 0;
      long[] counts = new long[n];
      for (double x : xs) {
        int b = width == 0 ? 0 : (int) Math.min(n - 1, Math.floor((x - lo) / width));
        counts[b]++;
      }
      for (int b = 0; b < n; b++) {
        Map<String, Object> bin = new LinkedHashMap<>();
        bin.put("from", width == 0 ? lo : lo + b * width);
        bin.put("to", width == 0 ? hi : b == n - 1 ? hi : lo + (b + 1) * width);
        bin.put("count", counts[b]);
        bins.add(bin);
      }
    }
    m.put("bins", bins);
    return m;
  }

  // ---- coverage -----------------------------------------------------------------------------

  /** A backtest of one version over the portfolio and data set. */
  public static BacktestResult backtest(
      CompiledPolicy policy, BacktestPortfolio portfolio, MarketDataSet set, int mpor) {
    PricePanel panel = PricePanel.of(set, portfolio.assets());
    return Backtest.run(
        panel,
        DataStamp.of(set, panel.notes()),
        new BacktestSpec(
            portfolio,
            new PolicyMarginModel(policy, portfolio.currency(), 500),
            mpor,
            0.99,
            null,
            null));
  }

  public static Outcome coverage(
      String portfolioName,
      MarketDataSet set,
      int mpor,
      String candidateRef,
      BacktestResult candidate,
      String baselineRef,
      BacktestResult baseline) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("portfolio", portfolioName);
    root.put("data", Map.of("name", set.name(), "version", set.version(), "hash", set.hash()));
    root.put("mporDays", mpor);
    root.put("confidence", 0.99);
    root.put("candidate", side(candidateRef, candidate));
    root.put("baseline", side(baselineRef, baseline));
    String summary =
        String.format(
            Locale.ROOT,
            "%s: %s, %d breach(es) in %d days, Kupiec p %.4f; %s: %s, %d breach(es), Kupiec p %.4f",
            candidateRef,
            candidate.tests().trafficLight().zone(),
            candidate.breaches().size(),
            candidate.dates().size(),
            candidate.tests().kupiec().pValue(),
            baselineRef,
            baseline.tests().trafficLight().zone(),
            baseline.breaches().size(),
            baseline.tests().kupiec().pValue());
    return new Outcome(
        candidate.tests().trafficLight().zone() + "/" + baseline.tests().trafficLight().zone(),
        summary,
        Json.canonical(root),
        null);
  }

  private static Map<String, Object> side(String ref, BacktestResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("policy", ref);
    m.put("summary", BacktestReport.summary(r));
    m.put("tests", r.tests());
    m.put("breaches", r.breaches());
    m.put("dates", r.dates().stream().map(Object::toString).toList());
    m.put("margins", r.margins());
    m.put("losses", r.losses());
    return m;
  }
}

package io.fulcrum.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fulcrum.engine.compare.Difference;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import io.fulcrum.scenarios.impact.CellImpact;
import io.fulcrum.scenarios.impact.ImpactResult;
import io.fulcrum.scenarios.impact.ImpactRunner;
import io.fulcrum.scenarios.report.ImpactHtml;
import io.fulcrum.scenarios.report.ImpactReports;
import io.fulcrum.scenarios.run.Progress;
import io.fulcrum.scenarios.stress.StressLibrary;
import io.fulcrum.scenarios.suite.Suite;
import io.fulcrum.scenarios.suite.SuiteLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImpactRunnerTest {

  private static final Suite SUITE =
      new SuiteLoader(StressLibrary.at(TestPolicies.STRESS).resolver())
          .load(TestPolicies.SUITES.resolve("tiered-perps.yaml"));

  private static ImpactResult impact(String baseline, String candidate) {
    return new ImpactRunner(2, 1000)
        .run(
            SUITE,
            TestPolicies.compiled(baseline),
            TestPolicies.compiled(candidate),
            Progress.silent());
  }

  @Test
  void identicalVersions_haveNoImpact() {
    ImpactResult r = impact("tiered-perps@2", "tiered-perps@2");

    assertThat(r.isEmpty()).isTrue();
    assertThat(r.changes()).isEmpty();
    assertThat(r.totals())
        .allSatisfy(
            t -> {
              assertThat(t.initialChange()).isZero();
              assertThat(t.maintenanceChange()).isZero();
            });
    assertThat(ImpactReports.text(r)).contains("changed: 0 cells in 0 accounts; status changes: 0");
  }

  /**
   * v2 changes bracket 3's rate and the cum of brackets 3 and up. Derived by hand from the suite's
   * accounts: a cell changes exactly when the position's notional is in bracket 3 or above at the
   * mark (parameters and MM change; at the 250k floor only the parameters) or at its liquidation
   * price (the liquidation price changes).
   */
  @Test
  void tieredPerpsV1ToV2_listsExactlyTheAccountsInTheChangedBrackets() {
    ImpactResult r = impact("tiered-perps@1", "tiered-perps@2");

    List<String> changed =
        r.changes().stream()
            .map(c -> c.accountId() + " @ " + r.marketStates().get(c.state()))
            .sorted()
            .toList();
    assertThat(changed)
        .containsExactlyInAnyOrder(
            // base, BTC 50,000
            "b3-isolated-264k @ base",
            "b3-cross-500k @ base",
            "b4-cross-2m @ base",
            "b3-floor-250k @ base",
            "b2-short-liquidates-in-b3 @ base",
            // BTC 45,000: 264k account is at 237,600 (bracket 2) but liquidates at a bracket-3
            // notional
            "b3-isolated-264k @ btc-down-10",
            "b3-cross-500k @ btc-down-10",
            "b4-cross-2m @ btc-down-10",
            "b2-short-liquidates-in-b3 @ btc-down-10",
            // BTC 55,000: the 250k floor account is at 275,000; the 245k short at 269,500
            "b3-isolated-264k @ btc-up-10",
            "b3-cross-500k @ btc-up-10",
            "b4-cross-2m @ btc-up-10",
            "b3-floor-250k @ btc-up-10",
            "b2-short-liquidates-in-b3 @ btc-up-10");
    assertThat(r.statusChanges()).isZero();
    assertThat(r.failures()).isEmpty();
    // base: +35 (264k) +625 (500k) +1,875 (2M) = +2,535; the floor account's MM is 1,200 in both
    assertThat(r.totals().get(0).maintenanceChange()).isEqualByComparingTo("2535");
    assertThat(r.totals().get(0).initialChange()).isZero();
  }

  @Test
  void changedCell_listsTheTableRowsThatFiredDifferently() {
    ImpactResult r = impact("tiered-perps@1", "tiered-perps@2");

    int i = indexOf(r, "b3-isolated-264k", "base");
    // v1 row 3: rate 1%, cum 1,300; v2 row 3: rate 1.25%, cum 1,925 (brackets.dmn of each version)
    List<Difference> explained = r.explained().get(i);
    assertThat(explained)
        .filteredOn(d -> d.kind() == Difference.Kind.CHANGED)
        .extracting(Difference::text)
        .contains(
            "position BTCUSDT: table 'BTC maintenance brackets' row 3: maintenanceAmount 1300 ->"
                + " 1925, maintenanceMarginRate 0.01 -> 0.0125");
    assertThat(explained)
        .filteredOn(d -> d.kind() != Difference.Kind.CHANGED)
        .extracting(Difference::text)
        .noneMatch(s -> s.contains("table"));
    assertThat(explained).allMatch(Difference::inExplanation);
    assertThat(ImpactHtml.of(r, 100)).contains("<svg").contains("b3-isolated-264k");
    assertThat(ImpactReports.json(r, 100)).contains("\"tableRowsChanged\"");
  }

  /** The JSON lists differences as fields with both values, not as text to parse. */
  @Test
  void json_holdsStructuredDifferencesAndTheSummaryByKind() throws Exception {
    ImpactResult r = impact("tiered-perps@1", "tiered-perps@2");
    JsonNode json = new ObjectMapper().readTree(ImpactReports.json(r, 100));

    JsonNode cell = null;
    for (JsonNode c : json.get("changes")) {
      if (c.get("account").asText().equals("b3-isolated-264k")
          && c.get("marketState").asText().equals("base")) {
        cell = c;
      }
    }
    assertThat(cell).isNotNull();
    JsonNode rate = null;
    for (JsonNode d : cell.get("differences")) {
      if (d.get("field").asText().equals("parameters.maintenanceMarginRate")) {
        rate = d;
      }
    }
    assertThat(rate).isNotNull();
    assertThat(rate.get("position").asText()).isEqualTo("BTCUSDT");
    assertThat(rate.get("kind").asText()).isEqualTo("PARAMETERS");
    assertThat(new java.math.BigDecimal(rate.get("baseline").asText()))
        .isEqualByComparingTo("0.01");
    assertThat(new java.math.BigDecimal(rate.get("candidate").asText()))
        .isEqualByComparingTo("0.0125");
    // Every changed account is in bracket 3 somewhere, so its parameters change; none changes
    // status or initial margin (the maximum leverage of bracket 3 is 50 in both versions).
    JsonNode kinds = json.get("summary").get("accountsChanged");
    assertThat(kinds.get("status").asLong()).isZero();
    assertThat(kinds.get("initialMargin").asLong()).isZero();
    assertThat(kinds.get("parameters").asLong()).isEqualTo(r.changedAccounts());
    // 9 accounts x 3 market states, all decided, no status change: the matrix is diagonal
    long cells = 0;
    for (var from : json.get("summary").get("statusTransitions").properties()) {
      for (var to : from.getValue().properties()) {
        assertThat(to.getKey()).isEqualTo(from.getKey());
        cells += to.getValue().asLong();
      }
    }
    assertThat(cells).isEqualTo(27);
  }

  /** The console never promises more than the reports hold. */
  @Test
  void console_saysHowManyChangedCellsTheReportsList() throws Exception {
    Suite book =
        new SuiteLoader(StressLibrary.at(TestPolicies.STRESS).resolver())
            .load(Path.of("books", "perps-book.yaml").toAbsolutePath())
            .withGenerated(60);
    ImpactResult r =
        new ImpactRunner(2, 10)
            .run(
                book,
                TestPolicies.compiled("tiered-perps@1"),
                TestPolicies.compiled("tiered-perps@2"),
                Progress.silent());
    assertThat(r.changes().size()).isGreaterThan(25);

    assertThat(ImpactReports.text(r, 25))
        .contains(
            (r.changes().size() - 20)
                + " more changed cells; the JSON and HTML reports list the first 25 (raise with"
                + " --list)");
    JsonNode json = new ObjectMapper().readTree(ImpactReports.json(r, 25));
    assertThat(json.get("changesListed").asInt()).isEqualTo(25);
    assertThat(json.get("changes").size()).isEqualTo(25);
    assertThat(json.get("changedCells").asInt()).isEqualTo(r.changes().size());
    assertThat(ImpactHtml.of(r, 25))
        .contains((r.changes().size() - 25) + " further changed cells not listed");
  }

  /** A candidate with a gap in its bracket table: the failed cells come first, never hidden. */
  @Test
  void candidateWithATableGap_failedCellsAreListedFirstAndLeftOutOfTotalsVisibly(
      @TempDir Path dir) {
    MarginEngine engine = MarginEngine.over(PolicyLibrary.at(FaultyLibrary.withBracketGap(dir)));
    ImpactResult r =
        new ImpactRunner(2, 1000)
            .run(
                SUITE,
                engine.policy(PolicyRef.parse("tiered-perps@2")),
                engine.policy(PolicyRef.parse("tiered-perps@3")),
                Progress.silent());

    // 5 x 50,000 = 250,000 lies in the gap [250,000, 260,000)
    assertThat(r.failures())
        .extracting(f -> f.accountId() + " @ " + r.marketStates().get(f.state()))
        .contains("b3-floor-250k @ base");
    assertThat(r.failures())
        .allSatisfy(
            f -> {
              assertThat(f.policyFault()).isTrue();
              // at the mark, or while solving the liquidation price (then inside the rule)
              assertThat(f.failure())
                  .startsWith("candidate: policy tiered-perps@3: ")
                  .contains(
                      "decision table 'BTC maintenance brackets' (decision 'Maintenance bracket' in"
                          + " brackets.dmn) matched no row for position BTCUSDT")
                  .contains("with inputs {notional=25");
            });
    assertThat(r.hasPolicyFaults()).isTrue();
    assertThat(r.totals().stream().mapToInt(t -> t.failedCells()).sum())
        .isEqualTo(r.failures().size());
    assertThat(r.summary().failedCells()).isEqualTo(r.failures().size());
    String text = ImpactReports.text(r);
    assertThat(text.indexOf("FAILED: " + r.failures().size() + " cells"))
        .isPositive()
        .isLessThan(text.indexOf("changed: "));
    assertThat(text).contains("  FAILED b3-floor-250k @ base: candidate: policy tiered-perps@3");
    assertThat(text).contains("failed cells not in totals");
    String html = ImpactHtml.of(r, 100);
    assertThat(html.indexOf("Failed cells")).isLessThan(html.indexOf("Book totals"));
    // the HTML says when it lists fewer failed cells than there are
    assertThat(ImpactHtml.of(r, 1))
        .contains(
            (r.failures().size() - 1)
                + " further failed cells not listed here; the JSON report lists all of them");
    assertThat(ImpactReports.json(r, 1)).contains("\"failedCells\" : " + r.failures().size());
  }

  private static int indexOf(ImpactResult r, String account, String state) {
    for (int i = 0; i < r.changes().size(); i++) {
      CellImpact c = r.changes().get(i);
      if (c.accountId().equals(account) && r.marketStates().get(c.state()).equals(state)) {
        return i;
      }
    }
    throw new AssertionError(account + " @ " + state + " not among the changes");
  }
}

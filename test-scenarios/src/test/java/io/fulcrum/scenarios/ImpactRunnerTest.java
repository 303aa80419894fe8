package io.fulcrum.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.scenarios.impact.CellImpact;
import io.fulcrum.scenarios.impact.ImpactResult;
import io.fulcrum.scenarios.impact.ImpactRunner;
import io.fulcrum.scenarios.report.ImpactHtml;
import io.fulcrum.scenarios.report.ImpactReports;
import io.fulcrum.scenarios.run.Progress;
import io.fulcrum.scenarios.stress.StressLibrary;
import io.fulcrum.scenarios.suite.Suite;
import io.fulcrum.scenarios.suite.SuiteLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    assertThat(r.explained().get(i).onlyBaseline())
        .contains(
            "position BTCUSDT: table 'BTC maintenance brackets' row 3 -> [3, 0.01, 1300, 50, 250000, 1000000]");
    assertThat(r.explained().get(i).onlyCandidate())
        .contains(
            "position BTCUSDT: table 'BTC maintenance brackets' row 3 -> [3, 0.0125, 1925, 50, 250000, 1000000]");
    assertThat(ImpactHtml.of(r, 100)).contains("<svg").contains("b3-isolated-264k");
    assertThat(ImpactReports.json(r, 100)).contains("\"firedOnlyInCandidate\"");
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

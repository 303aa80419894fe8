package io.fulcrum.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.scenarios.run.Progress;
import io.fulcrum.scenarios.stress.AccountStress;
import io.fulcrum.scenarios.stress.StressLibrary;
import io.fulcrum.scenarios.stress.StressResult.ScenarioOutcome;
import io.fulcrum.scenarios.stress.StressRunner;
import io.fulcrum.scenarios.suite.SuiteFormatException;
import io.fulcrum.scenarios.suite.SuiteLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class StressRunnerTest {

  private static final StressLibrary LIBRARY = StressLibrary.at(TestPolicies.STRESS);

  @Test
  void library_hasTheNamedHistoricalScenariosEachMoveWithASource() {
    assertThat(LIBRARY.all())
        .extracting(s -> s.name())
        .contains(
            "covid-crash-2020",
            "may-2021-selloff",
            "terra-luna-2022",
            "ftx-2022",
            "crash-30-stablecoin-90");
    assertThat(LIBRARY.all())
        .allSatisfy(
            s -> {
              assertThat(s.sources().keySet()).containsAll(s.shock().priceMoves().keySet());
              assertThat(s.sources().keySet()).containsAll(s.shock().assetPrices().keySet());
            });
    // the BTC move of 12 March 2020 is the close-to-close move in the data file: 4,970.79 /
    // 7,911.43 - 1
    assertThat(LIBRARY.find("covid-crash-2020").orElseThrow().shock().priceMoves().get("BTC"))
        .isEqualByComparingTo("-0.3717");
  }

  @Test
  void scenarioWithoutASource_isRejected() {
    assertThatThrownBy(
            () -> StressLibrary.at(TestPolicies.TEST_SUITES.resolveSibling("stress-bad")))
        .isInstanceOf(SuiteFormatException.class)
        .hasMessageContaining("unsourced.yaml:7: sources:")
        .hasMessageContaining("no source for the move of ETH");
  }

  /** Hand-derived: under -30% BTC at base mark 50,000 every long loses 15,000 per BTC. */
  @Test
  void crash30_lossShortfallAndCoverTwo() {
    var book =
        new SuiteLoader(LIBRARY.resolver()).load(TestPolicies.SUITES.resolve("tiered-perps.yaml"));
    var scenario = LIBRARY.find("crash-30-stablecoin-90").orElseThrow();
    ScenarioOutcome o =
        new StressRunner(2)
            .run(
                book, TestPolicies.compiled("tiered-perps@2"), List.of(scenario), Progress.silent())
            .scenarios()
            .get(0);

    AccountStress small = account(o, "b1-cross-long");
    assertThat(small.postedMargin()).isEqualByComparingTo("5000");
    assertThat(small.loss()).isEqualByComparingTo("9000"); // 0.6 x 15,000
    assertThat(small.shortfall()).isEqualByComparingTo("4000"); // 9,000 - 5,000
    assertThat(small.stressedStatus()).isEqualTo(DecisionStatus.LIQUIDATE);
    assertThat(account(o, "b2-cross-short-no-leverage").shortfall())
        .isZero(); // a short gains 2.4 x 15,000
    // cover 2: 40 x 15,000 - 250,000 = 350,000 and 10 x 15,000 - 30,000 = 120,000
    assertThat(o.largestTwo())
        .extracting(AccountStress::account)
        .containsExactly("b4-cross-2m", "b3-cross-500k");
    assertThat(o.coverTwo()).isEqualByComparingTo("470000");
  }

  private static AccountStress account(ScenarioOutcome o, String id) {
    return o.accounts().stream().filter(a -> a.account().equals(id)).findFirst().orElseThrow();
  }
}

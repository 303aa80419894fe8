package io.fulcrum.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.yaml.YamlFormatException;
import io.fulcrum.scenarios.report.ChartTest;
import io.fulcrum.scenarios.report.StressReports;
import io.fulcrum.scenarios.run.Progress;
import io.fulcrum.scenarios.stress.AccountStress;
import io.fulcrum.scenarios.stress.StressLibrary;
import io.fulcrum.scenarios.stress.StressResult;
import io.fulcrum.scenarios.stress.StressResult.ScenarioOutcome;
import io.fulcrum.scenarios.stress.StressRunner;
import io.fulcrum.scenarios.suite.SuiteLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        .isInstanceOf(YamlFormatException.class)
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

  /**
   * Hand-derived: a cross long of 1 BTC entered at 60,000 with 5,000 USDT is at 5,000 - 10,000 =
   * -5,000 on the base market (mark 50,000), already in deficit; at -30% (mark 35,000) it is at
   * 5,000 - 25,000 = -20,000. The scenario causes a loss of 15,000 and a shortfall of 15,000; the
   * 5,000 it owed before is a pre-existing deficit, not the scenario's shortfall.
   */
  @Test
  void accountAlreadyInDeficit_reportsThePriorDeficitApartFromTheScenariosShortfall(
      @TempDir Path dir) throws Exception {
    Path suite = dir.resolve("deficit.yaml");
    Files.writeString(
        suite,
        """
        suite: deficit
        market:
          asOf: "2026-11-25T12:00:00Z"
          valuationCurrency: USDT
          instruments:
            - { kind: PERPETUAL, symbol: BTCUSDT, underlying: BTC, settlementAsset: USDT, contractSize: 1 }
          prices:
            BTCUSDT: { mark: 50000, index: 49990 }
          assetPrices: { USDT: 1 }
        accounts:
          - id: in-deficit
            positions: [ { instrument: BTCUSDT, quantity: 1, entryPrice: 60000, leverage: 10 } ]
            collateral: [ { asset: USDT, amount: 5000 } ]
          - id: healthy
            positions: [ { instrument: BTCUSDT, quantity: 0.6, entryPrice: 50000, leverage: 10 } ]
            collateral: [ { asset: USDT, amount: 5000 } ]
        """);
    var book = new SuiteLoader(LIBRARY.resolver()).load(suite);
    ScenarioOutcome o =
        new StressRunner(1)
            .run(
                book,
                TestPolicies.compiled("tiered-perps@2"),
                List.of(LIBRARY.find("crash-30-stablecoin-90").orElseThrow()),
                Progress.silent())
            .scenarios()
            .get(0);

    AccountStress a = account(o, "in-deficit");
    assertThat(a.postedMargin()).isEqualByComparingTo("-5000");
    assertThat(a.loss()).isEqualByComparingTo("15000");
    assertThat(a.preExistingDeficit()).isEqualByComparingTo("5000");
    assertThat(a.shortfall()).isEqualByComparingTo("15000");
    // healthy: 0.6 x 15,000 = 9,000 lost against 5,000 posted
    assertThat(account(o, "healthy").shortfall()).isEqualByComparingTo("4000");
    assertThat(account(o, "healthy").preExistingDeficit()).isZero();
    assertThat(o.totalShortfall()).isEqualByComparingTo("19000");
    assertThat(o.totalPreExistingDeficit()).isEqualByComparingTo("5000");
    StressResult result =
        new StressResult("deficit", TestPolicies.compiled("tiered-perps@2").stamp(), List.of(o), 0);
    assertThat(StressReports.text(result))
        .contains("positive is a loss, negative a gain")
        .contains("deficit before the scenario 5,000.00");
    assertThat(StressReports.html(result, 200)).contains("positive is a loss, negative a gain");
  }

  /** The HTML ranks by shortfall (not book order), names the cover-2 pair, and charts them. */
  @Test
  void html_ranksAccountsByShortfall_namesTheCoverTwoPair_andChartsTheDistribution() {
    var book =
        new SuiteLoader(LIBRARY.resolver()).load(TestPolicies.SUITES.resolve("tiered-perps.yaml"));
    StressResult r =
        new StressRunner(2)
            .run(
                book,
                TestPolicies.compiled("tiered-perps@2"),
                List.of(LIBRARY.find("crash-30-stablecoin-90").orElseThrow()),
                Progress.silent());
    String html = StressReports.html(r, 200);

    // cover 2 as derived in crash30_lossShortfallAndCoverTwo
    assertThat(html).contains("b4-cross-2m (350,000.00) and b3-cross-500k (120,000.00)");
    // b1-cross-long comes first in the book but its shortfall (4,000) ranks after both
    int b4 = html.indexOf("<td>b4-cross-2m (cover-2)</td>");
    int b3 = html.indexOf("<td>b3-cross-500k (cover-2)</td>");
    int b1 = html.indexOf("<td>b1-cross-long</td>");
    assertThat(b4).isPositive().isLessThan(b3);
    assertThat(b3).isLessThan(b1);
    // a short gains under a crash: no shortfall, not listed
    assertThat(html).doesNotContain("b2-cross-short-no-leverage");
    assertThat(html)
        .contains("<svg")
        .contains(">accounts</text>")
        .contains("shortfall caused by the scenario (valuation currency)");
    // the shortfall histogram labels more than the extremes on both axes
    assertThat(ChartTest.tickLabels(html, "x")).hasSizeGreaterThan(2);
    assertThat(ChartTest.tickLabels(html, "y")).hasSizeGreaterThan(2);
    long withShortfall = r.scenarios().get(0).rankedByShortfall().size();
    assertThat(html)
        .contains(withShortfall + " of " + book.accounts().size() + " accounts have a shortfall");
  }

  private static AccountStress account(ScenarioOutcome o, String id) {
    return o.accounts().stream().filter(a -> a.account().equals(id)).findFirst().orElseThrow();
  }
}

package io.fulcrum.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.measure.RiskMeasures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One validation for the CLI and the service: each check refuses its defect at file:line. */
class BundleValidatorTest {

  private static final BundleValidator VALIDATOR =
      new BundleValidator(new PolicyCompiler(RiskMeasures.load()), MarketDataSets.none());

  private static BundleValidator.Report validate(ShippedBundleCopy copy, String id, String v) {
    return VALIDATOR.validate(copy.bundle(), new BundleValidator.Location(id, v));
  }

  private static List<String> errors(BundleValidator.Report r) {
    return r.errors().stream().map(CompilationProblem::toString).toList();
  }

  @ParameterizedTest
  @CsvSource({
    "tiered-perps,1,brackets.dmn,brackets.scesim",
    "tiered-perps,2,brackets.dmn,brackets.scesim",
    "risk-based-im,1,concentration.dmn,concentration.scesim",
    "collateral-health,1,collateral.dmn,collateral.scesim"
  })
  void everyShippedBundle_passesEveryCheck(String id, String version, String dmn, String scesim) {
    BundleValidator.Report r = validate(ShippedBundleCopy.of(id, version), id, version);
    assertThat(errors(r)).isEmpty();
    assertThat(r.checks())
        .containsExactly("location", "compile", "tables " + dmn, "scenarios " + scesim);
  }

  @Test
  void aGapBetweenBracketsUnderUnique_isAnErrorAtTheTable() {
    ShippedBundleCopy copy =
        ShippedBundleCopy.of("tiered-perps", "2")
            .replace("brackets.dmn", "[250000..1000000)", "[260000..1000000)");
    BundleValidator.Report r = validate(copy, "tiered-perps", "2");
    int table = copy.lineOf("brackets.dmn", "<decisionTable id=\"btc_maintenance_brackets\"");
    assertThat(errors(r))
        .containsExactly(
            "brackets.dmn:"
                + table
                + ": table 'BTC maintenance brackets' (UNIQUE): gap between rows, no row matches"
                + " [ \"BTCUSDT\", [ 250000 .. 260000 ) ]");
  }

  @Test
  void anOverlappingRowUnderUnique_isAnErrorAtTheLaterRow() {
    ShippedBundleCopy copy =
        ShippedBundleCopy.of("tiered-perps", "2")
            .replace("brackets.dmn", "[250000..1000000)", "[240000..1000000)");
    BundleValidator.Report r = validate(copy, "tiered-perps", "2");
    int row3 = copy.lineOf("brackets.dmn", "<rule id=\"bracket_3\">");
    assertThat(errors(r))
        .contains(
            "brackets.dmn:"
                + row3
                + ": table 'BTC maintenance brackets' (UNIQUE): rows [2, 3] overlap, all match"
                + " [ \"BTCUSDT\", [ 240000 .. 250000 ) ] (UNIQUE allows one matching row)");
  }

  @Test
  void theEdgesOfABracketTable_areWarningsNotErrors() {
    BundleValidator.Report r =
        validate(ShippedBundleCopy.of("tiered-perps", "2"), "tiered-perps", "2");
    assertThat(r.warnings())
        .extracting(CompilationProblem::message)
        .containsExactlyInAnyOrder(
            "table 'BTC maintenance brackets' (UNIQUE): not covered (beyond the rows' bounds), no"
                + " row matches [ \"BTCUSDT\", <0 ]",
            "table 'BTC maintenance brackets' (UNIQUE): not covered (beyond the rows' bounds), no"
                + " row matches [ \"BTCUSDT\", >=500000000 ]");
  }

  @Test
  void aVersionOtherThanItsDirectory_isRefused() {
    BundleValidator.Report r =
        validate(ShippedBundleCopy.of("tiered-perps", "2"), "tiered-perps", "3");
    assertThat(errors(r))
        .containsExactly(
            "manifest.yaml:2: manifest says tiered-perps@2 but the bundle lies in tiered-perps/3"
                + " (policies and decide refuse it)");
  }

  @Test
  void aFailingScenario_isAnErrorAtItsScenario() {
    ShippedBundleCopy copy = ShippedBundleCopy.of("tiered-perps", "2");
    String scesim = copy.text("brackets.scesim");
    int third = scesim.indexOf("<rawValue class=\"string\">0.0125</rawValue>");
    assertThat(third).isPositive();
    copy.put(
        "brackets.scesim",
        scesim.substring(0, third)
            + "<rawValue class=\"string\">0.01</rawValue>"
            + scesim.substring(third + "<rawValue class=\"string\">0.0125</rawValue>".length()));
    BundleValidator.Report r = validate(copy, "tiered-perps", "2");
    int scenario2 = ScenarioRunner.lineOf(copy.text("brackets.scesim"), "<Scenario>", 2);
    assertThat(copy.text("brackets.scesim").lines().toList().get(scenario2 - 1))
        .contains("<Scenario>");
    assertThat(errors(r))
        .containsExactly(
            "brackets.scesim:"
                + scenario2
                + ": scenario 2 \"Bracket 3 raised to 1.25%: 250,000 x 0.75% + 50\" failed: Failed"
                + " in \"Maintenance bracket.maintenanceMarginRate\": The expected value is"
                + " \"0.01\" but the actual one is \"0.0125\"");
  }

  @Test
  void scenariosThatNeverFinish_areStoppedAtTheTimeBudget() {
    ShippedBundleCopy copy =
        ShippedBundleCopy.of("tiered-perps", "2")
            .replace(
                "brackets.scesim",
                "<rawValue class=\"string\">100000</rawValue>",
                "<rawValue class=\"string\">count(for i in 1..100000000000 return i)</rawValue>");
    copy.put("manifest.yaml", copy.text("manifest.yaml") + "limits:\n  timeBudgetMillis: 1000\n");
    long start = System.nanoTime();
    BundleValidator.Report r = validate(copy, "tiered-perps", "2");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(20_000);
    assertThat(errors(r))
        .containsExactly(
            "brackets.scesim: the scenarios did not finish within the policy's time budget (1000"
                + " ms of CPU time)");
  }
}

package io.fulcrum.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.measure.RiskMeasures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names rules read must be defined; the compiled policy exposes the names it defines. */
class PolicyNamesTest {

  private static final PolicyCompiler COMPILER = new PolicyCompiler(RiskMeasures.load());

  private static List<String> problems(ShippedBundleCopy copy) {
    PolicyBundle bundle = copy.bundle();
    assertThatThrownBy(() -> COMPILER.compile(bundle)).isInstanceOf(PolicyCompilationFailed.class);
    try {
      COMPILER.compile(bundle);
      throw new AssertionError("compiled");
    } catch (PolicyCompilationFailed e) {
      return e.problems().stream().map(CompilationProblem::toString).toList();
    }
  }

  @Test
  void aMisspeltManifestParameter_isRefusedAtItsLine() {
    ShippedBundleCopy copy =
        ShippedBundleCopy.of("tiered-perps", "2")
            .replace(
                "margin.drl",
                "Parameters( $call : number(\"marginCallRatio\") )\n  $a : AccountFact( marginRatio",
                "Parameters( $call : number(\"marginCallRatoi\") )\n  $a : AccountFact( marginRatio");
    int line = copy.lineOf("margin.drl", "marginCallRatoi");
    assertThat(problems(copy))
        .containsExactly(
            "margin.drl:"
                + line
                + ": unknown parameter 'marginCallRatoi' (did you mean 'marginCallRatio'?): not a"
                + " manifest parameter; the manifest defines: liquidationMarginRatio,"
                + " marginCallRatio");
  }

  @Test
  void aRuleWithoutAPhase_isRefusedAtItsLine() {
    ShippedBundleCopy copy =
        ShippedBundleCopy.of("tiered-perps", "2")
            .replace(
                "margin.drl",
                "rule \"Initial margin = notional / chosen leverage\"\n  ruleflow-group \"requirements\"\n",
                "rule \"Initial margin = notional / chosen leverage\"\n");
    int line = copy.lineOf("margin.drl", "rule \"Initial margin = notional / chosen leverage\"");
    assertThat(problems(copy))
        .containsExactly(
            "margin.drl:"
                + line
                + ": rule \"Initial margin = notional / chosen leverage\" names no phase: add"
                + " ruleflow-group \"requirements\" (per position, before the account is totalled)"
                + " or ruleflow-group \"status\" (after)");
  }

  @Test
  void anAccountMatchedInRequirements_isRefusedAtItsPattern_becauseItCanNeverFire() {
    // The account enters working memory (with its totals) only before "status".
    ShippedBundleCopy copy =
        ShippedBundleCopy.of("tiered-perps", "2")
            .replace(
                "margin.drl",
                "  $p : PositionFact( linear, hasParameter(\"maintenanceMarginRate\"),"
                    + " hasParameter(\"maintenanceAmount\") )\n",
                "  $p : PositionFact( linear, hasParameter(\"maintenanceMarginRate\"),"
                    + " hasParameter(\"maintenanceAmount\") )\n  AccountFact( walletBalance > 0 )\n");
    int line = copy.lineOf("margin.drl", "AccountFact( walletBalance > 0 )");
    assertThat(problems(copy))
        .containsExactly(
            "margin.drl:"
                + line
                + ": rule \"Maintenance margin = notional x rate - maintenance amount\" matches"
                + " AccountFact in phase 'requirements', where the account is not in working"
                + " memory yet (the engine adds it with its totals before 'status'), so the rule"
                + " never fires: match the account in phase 'status'");
  }

  @Test
  void aComponentTheNextRulesTest_setWithAPlainSetter_isRefusedAtEachCondition() {
    // risk-based-im sets the risk margin with modify: the APC rules of the same phase see it.
    ShippedBundleCopy copy =
        ShippedBundleCopy.of("risk-based-im", "2")
            .replace(
                "margin.drl",
                "modify($r) { setComponent(\"riskMargin\", $es.max($grid).max(BigDecimal.ZERO)) }",
                "$r.setComponent(\"riskMargin\", $es.max($grid).max(BigDecimal.ZERO));");
    int set = copy.lineOf("margin.drl", "$r.setComponent(\"riskMargin\"");
    List<String> lines = copy.text("margin.drl").lines().toList();
    List<String> expected = new java.util.ArrayList<>();
    for (String rule :
        List.of(
            "Anti-procyclicality: buffer on the risk margin",
            "Anti-procyclicality: stressed-period floor")) {
      int at = copy.lineOf("margin.drl", "rule \"" + rule + "\"");
      while (!lines.get(at - 1).contains("hasComponent(\"riskMargin\")")) {
        at++;
      }
      expected.add(
          "margin.drl:"
              + at
              + ": rule \""
              + rule
              + "\" tests PortfolioRequirement.component(\"riskMargin\"), which rule \"Risk"
              + " margin = max(FHS expected shortfall, scenario-grid loss, 0)\" (margin.drl:"
              + set
              + ") sets with a plain setter in the same phase 'requirements': conditions in that"
              + " phase never see it; test it in phase 'status', or write it with modify($r) {"
              + " setComponent(...) }");
    }
    assertThat(problems(copy)).containsExactlyElementsOf(expected);
  }

  @Test
  void aMisspeltTableParameterInAConsequence_isRefusedAtItsLine() {
    ShippedBundleCopy copy =
        ShippedBundleCopy.of("tiered-perps", "2")
            .replace(
                "margin.drl",
                "$p.number(\"maxLeverage\"), MathContext",
                "$p.number(\"maxEffectiveLeverge\"), MathContext");
    int line = copy.lineOf("margin.drl", "maxEffectiveLeverge");
    assertThat(problems(copy))
        .containsExactly(
            "margin.drl:"
                + line
                + ": unknown position parameter 'maxEffectiveLeverge': no decision table gives it"
                + " to positions; they give: bracket, maintenanceAmount, maintenanceMarginRate,"
                + " maxLeverage, notionalCap, notionalFloor");
  }

  @Test
  void aMetricReadButNeverSet_isRefused() {
    ShippedBundleCopy copy =
        ShippedBundleCopy.of("collateral-health", "1")
            .replace(
                "health.drl",
                "AccountFact( hasMetric(\"closeFactor\"), !hasMetric(\"maxDebtRepayable\") )",
                "AccountFact( hasMetric(\"closeFactr\"), !hasMetric(\"maxDebtRepayable\") )");
    int line = copy.lineOf("health.drl", "closeFactr");
    assertThat(problems(copy))
        .containsExactly(
            "health.drl:"
                + line
                + ": unknown metric 'closeFactr' (did you mean 'closeFactor'?): no rule sets it"
                + " (setRatio/setAmount); rules set: closeFactor, healthFactor,"
                + " maxCollateralSeized.*, maxDebtRepayable");
  }

  @Test
  void anUnknownComponent_isRefused() {
    ShippedBundleCopy copy =
        ShippedBundleCopy.of("risk-based-im", "1")
            .replace(
                "margin.drl",
                "PortfolioRequirement( hasComponent(\"apcMargin\"), initialMargin == null )",
                "PortfolioRequirement( hasComponent(\"apcMargn\"), initialMargin == null )");
    int line = copy.lineOf("margin.drl", "apcMargn");
    assertThat(problems(copy))
        .containsExactly(
            "margin.drl:"
                + line
                + ": unknown component 'apcMargn' (did you mean 'apcMargin'?): no rule sets it"
                + " (setComponent); rules set: apcMargin, riskMargin");
  }

  @Test
  void aMeasureNameTheManifestDoesNotBind_isRefused() {
    ShippedBundleCopy copy =
        ShippedBundleCopy.of("risk-based-im", "1")
            .replace(
                "margin.drl",
                "MeasureFact( name == \"scenarioGrid\", $grid : value )",
                "MeasureFact( name == \"scenarioGird\", $grid : value )");
    int line = copy.lineOf("margin.drl", "scenarioGird");
    assertThat(problems(copy))
        .containsExactly(
            "margin.drl:"
                + line
                + ": unknown measure 'scenarioGird' (did you mean 'scenarioGrid'?): the manifest's"
                + " measures are: fhsEs, scenarioGrid, stressedEs");
  }

  @Test
  void aRuleInAPhaseThatDoesNotExist_isRefusedAtItsAttribute() {
    ShippedBundleCopy copy =
        ShippedBundleCopy.of("tiered-perps", "2")
            .replace(
                "margin.drl",
                "rule \"Initial margin = notional / chosen leverage\"\n  ruleflow-group \"requirements\"",
                "rule \"Initial margin = notional / chosen leverage\"\n  ruleflow-group \"requirement\"");
    int line = copy.lineOf("margin.drl", "ruleflow-group \"requirement\"");
    assertThat(problems(copy))
        .containsExactly(
            "margin.drl:"
                + line
                + ": rule \"Initial margin = notional / chosen leverage\": ruleflow-group"
                + " \"requirement\" is not a phase, so the rule never fires: the phases are"
                + " \"requirements\" and \"status\"");
  }

  @Test
  void aSpreadsheetRowWithAnUnknownMetric_isRefusedAtItsRow() {
    ShippedBundleCopy copy =
        ShippedBundleCopy.of("collateral-health", "1")
            .replace(
                "close-factor.drl.csv",
                "\"metric(\"\"healthFactor\"\") <= 0.95\"",
                "\"metric(\"\"healthFacter\"\") <= 0.95\"");
    int row = copy.lineOf("close-factor.drl.csv", "healthFacter");
    assertThat(problems(copy))
        .singleElement()
        .asString()
        .startsWith("close-factor.drl.csv:" + row + ": unknown metric 'healthFacter'");
  }

  @Test
  void theVocabulary_listsWhatThePolicyDefines() {
    PolicyVocabulary v =
        COMPILER.compile(ShippedBundleCopy.of("collateral-health", "1").bundle()).vocabulary();
    assertThat(v.parameters())
        .containsExactly(
            "liquidationBonus",
            "liquidationHealthFactor",
            "liquidationThreshold",
            "loanToValue",
            "marginCallHealthFactor");
    assertThat(v.metrics())
        .containsExactly(
            "closeFactor", "healthFactor", "maxCollateralSeized.*", "maxDebtRepayable");
    assertThat(v.hasMetric("maxCollateralSeized.ETH")).isTrue();
    assertThat(v.hasMetric("maxCollateral")).isFalse();
    assertThat(v.components()).isEmpty();
    assertThat(v.flags()).isEmpty();
    assertThat(v.ruleNames())
        .contains(
            "Health factor = collateral at liquidation threshold / debt",
            "Half liquidation between 0.95 and 1")
        .hasSize(10);
    PolicyVocabulary im =
        COMPILER.compile(ShippedBundleCopy.of("risk-based-im", "1").bundle()).vocabulary();
    assertThat(im.components()).containsExactly("apcMargin", "riskMargin");
    assertThat(im.parameters())
        .containsExactly(
            "addOnRate",
            "antiProcyclicality",
            "apcBufferRate",
            "depthShare",
            "maintenanceFraction",
            "marketDepth");
  }
}

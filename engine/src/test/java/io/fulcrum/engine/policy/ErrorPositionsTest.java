package io.fulcrum.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.measure.RiskMeasures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A typo is reported at the line of the offending cell or token, once: no "Parser returned a null
 * Package", no follow-on parser errors.
 */
class ErrorPositionsTest {

  private static List<String> problems(ShippedBundleCopy copy) {
    try {
      new PolicyCompiler(RiskMeasures.load()).compile(copy.bundle());
    } catch (PolicyCompilationFailed e) {
      return e.problems().stream().map(CompilationProblem::toString).toList();
    }
    throw new AssertionError("compiled");
  }

  @Test
  void aMalformedFeelInputCell_isReportedAtThatCell() {
    ShippedBundleCopy copy =
        ShippedBundleCopy.of("tiered-perps", "2")
            .replace("brackets.dmn", "[250000..1000000)", "[250000..1000000");
    int cell = copy.lineOf("brackets.dmn", "<text>[250000..1000000</text>");
    assertThat(problems(copy))
        .singleElement()
        .asString()
        .startsWith("brackets.dmn:" + cell + ": ERR_COMPILING_FEEL: ")
        .contains("'[250000..1000000'");
  }

  @Test
  void aMalformedFeelOutputCell_isReportedAtThatCell() {
    ShippedBundleCopy copy =
        ShippedBundleCopy.of("tiered-perps", "2")
            .replace("brackets.dmn", "<text>0.0125</text>", "<text>0.0125 +</text>");
    int cell = copy.lineOf("brackets.dmn", "<text>0.0125 +</text>");
    assertThat(problems(copy))
        .singleElement()
        .asString()
        .startsWith("brackets.dmn:" + cell + ": ERR_COMPILING_FEEL: ");
  }

  @Test
  void aMisspeltKeyword_isReportedAtItsLine_once() {
    ShippedBundleCopy copy =
        ShippedBundleCopy.of("tiered-perps", "2")
            .replace(
                "margin.drl",
                "rule \"Leverage capped at the bracket maximum\"\n"
                    + "  ruleflow-group \"requirements\"\nwhen",
                "rule \"Leverage capped at the bracket maximum\"\n"
                    + "  ruleflow-group \"requirements\"\nwhne");
    int line = copy.lineOf("margin.drl", "whne");
    assertThat(problems(copy))
        .containsExactly(
            "margin.drl:"
                + line
                + ": syntax error: mismatched input 'whne' in rule \"Leverage capped at the"
                + " bracket maximum\" (column 0)");
  }

  @Test
  void aSyntaxErrorInASpreadsheetRow_isReportedAtThatRow() {
    ShippedBundleCopy copy =
        ShippedBundleCopy.of("collateral-health", "1")
            .replace(
                "close-factor.drl.csv",
                "\"metric(\"\"healthFactor\"\") < 1 && (collateralValue < 2000 || debtValue < 2000)\"",
                "\"metric(\"\"healthFactor\"\") < 1 && (collateralValue < 2000 || debtValue < 2000\"");
    int row = copy.lineOf("close-factor.drl.csv", "Full liquidation of a small position");
    assertThat(problems(copy))
        .singleElement()
        .asString()
        .startsWith("close-factor.drl.csv:" + row + ": syntax error: ");
  }

  @Test
  void aBrokenConsequence_isReportedAtItsLine_withoutTheParsersTokenList() {
    ShippedBundleCopy copy =
        ShippedBundleCopy.of("tiered-perps", "2")
            .replace(
                "margin.drl",
                "MathContext.DECIMAL128) );\nend\n\nrule \"Leverage capped",
                "MathContext.DECIMAL128) ;\nend\n\nrule \"Leverage capped");
    int line = copy.lineOf("margin.drl", "MathContext.DECIMAL128) ;");
    assertThat(problems(copy))
        .containsExactly(
            "margin.drl:"
                + line
                + ": not Java code the sandbox can check: Parse error. Found \";\"");
  }
}

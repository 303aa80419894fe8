package io.fulcrum.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.scenarios.regress.Failure;
import io.fulcrum.scenarios.regress.RegressionResult;
import io.fulcrum.scenarios.regress.RegressionRunner;
import io.fulcrum.scenarios.report.JunitXml;
import io.fulcrum.scenarios.run.Progress;
import io.fulcrum.scenarios.suite.ScenarioResolver;
import io.fulcrum.scenarios.suite.SuiteLoader;
import org.junit.jupiter.api.Test;

class RegressionRunnerTest {

  private static RegressionResult runWrongSuite() {
    var suite =
        new SuiteLoader(ScenarioResolver.NONE)
            .load(TestPolicies.TEST_SUITES.resolve("wrong-expectation.yaml"));
    return new RegressionRunner(2)
        .run(suite, TestPolicies.compiled("tiered-perps@1"), Progress.silent());
  }

  @Test
  void wrongExpectation_failsNamingAccountMarketStateExpectedAndActual() {
    RegressionResult result = runWrongSuite();

    assertThat(result.passed()).isFalse();
    assertThat(result.failures()).hasSize(2);
    Failure wrongNumber = result.failures().get(0);
    assertThat(wrongNumber.message())
        .isEqualTo(
            "account small-long in market state base under tiered-perps@1: "
                + "maintenanceMargin expected 121 but was 120 (expectation at line 20)");
    assertThat(result.failures().get(1).message())
        .contains(
            "account small-long",
            "market state btc-down-10",
            "rule 'OK below the call ratio'",
            "expected not fired but was fired");
  }

  @Test
  void wrongExpectation_appearsAsJunitFailure() {
    String xml = JunitXml.of(runWrongSuite());

    assertThat(xml)
        .contains("tests=\"2\" failures=\"2\"")
        .contains("<testcase classname=\"scenarios.wrong-expectation\" name=\"small-long @ base\">")
        .contains("maintenanceMargin expected 121 but was 120");
  }

  @Test
  void run_isDeterministicAcrossThreadCounts() {
    var suite =
        new SuiteLoader(ScenarioResolver.NONE)
            .load(TestPolicies.SUITES.resolve("tiered-perps.yaml"));
    var policy = TestPolicies.compiled("tiered-perps@2");
    var one = new RegressionRunner(1).run(suite, policy, Progress.silent());
    var two = new RegressionRunner(2).run(suite, policy, Progress.silent());
    assertThat(two.cases()).isEqualTo(one.cases());
  }

  @Test
  void html_showsEachCasesFlags_withDetailAndRaisingRule() {
    var suite =
        new SuiteLoader(ScenarioResolver.NONE)
            .load(TestPolicies.SUITES.resolve("tiered-perps.yaml"));
    var r =
        new RegressionRunner(1)
            .run(suite, TestPolicies.compiled("tiered-perps@3"), Progress.silent());
    // b2-margin-call on the base market: gross notional 150,000 / margin balance 800 = 187.5 > 20.
    assertThat(io.fulcrum.scenarios.report.RegressionReports.html(r))
        .contains("<th>flags</th>")
        .contains(
            "<span title=\"effective leverage 187.5 &gt; 20 (rule &apos;Flag: effective"
                + " leverage above the desk limit&apos;)\">highEffectiveLeverage</span>");
  }
}

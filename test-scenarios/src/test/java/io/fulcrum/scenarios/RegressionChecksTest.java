package io.fulcrum.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import io.fulcrum.engine.yaml.YamlFormatException;
import io.fulcrum.scenarios.impact.ImpactResult;
import io.fulcrum.scenarios.impact.ImpactRunner;
import io.fulcrum.scenarios.regress.RegressionResult;
import io.fulcrum.scenarios.regress.RegressionRunner;
import io.fulcrum.scenarios.report.ImpactReports;
import io.fulcrum.scenarios.report.JunitXml;
import io.fulcrum.scenarios.report.RegressionReports;
import io.fulcrum.scenarios.run.Progress;
import io.fulcrum.scenarios.suite.ScenarioResolver;
import io.fulcrum.scenarios.suite.Suite;
import io.fulcrum.scenarios.suite.SuiteLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression checks an author can trust: skipped expectations and cases without checks are counted,
 * not shown as passes, and names of rules, metrics and flags are checked against the policy.
 */
public class RegressionChecksTest {

  /** Lines 1-21; expectations start on line 22. */
  public static final String HEAD =
      """
      suite: checks
      policy: tiered-perps
      versions: ["1", "2", "3"]
      market:
        asOf: "2026-11-25T12:00:00Z"
        valuationCurrency: USDT
        instruments:
          - { kind: PERPETUAL, symbol: BTCUSDT, underlying: BTC, settlementAsset: USDT, contractSize: 1 }
        prices: { BTCUSDT: { mark: 50000, index: 49990 } }
      marketStates:
        - name: base
        - name: btc-down-10
          shock: { priceMoves: { BTC: -0.10 } }
      accounts:
        - id: a
          positions: [ { instrument: BTCUSDT, quantity: 0.6, entryPrice: 50000, leverage: 10 } ]
          collateral: [ { asset: USDT, amount: 5000 } ]
        - id: b
          positions: [ { instrument: BTCUSDT, quantity: 0.6, entryPrice: 50000, leverage: 10 } ]
          collateral: [ { asset: USDT, amount: 5000 } ]
      expectations:
      """;

  /** a @ base checked under every version; a @ btc-down-10 only under version 1. */
  public static final String PINNED =
      HEAD
          + """
            - account: a
              market: base
              maintenanceMargin: 120        # 0.6 x 50,000 x 0.4%
            - account: a
              market: btc-down-10
              versions: ["1"]
              maintenanceMargin: 108        # 0.6 x 45,000 x 0.4%
          """;

  @TempDir Path dir;

  static Path write(Path dir, String text) throws IOException {
    Path file = dir.resolve("checks.yaml");
    Files.writeString(file, text);
    return file;
  }

  private Suite suite(String text) throws IOException {
    return new SuiteLoader(ScenarioResolver.NONE).load(write(dir, text));
  }

  private static RegressionResult run(Suite suite, CompiledPolicy policy) {
    return new RegressionRunner(1).run(suite, policy, Progress.silent());
  }

  @Test
  void expectationsPinnedToOtherVersions_areSkipped_andCasesWithoutChecksAreMarked()
      throws IOException {
    RegressionResult r = run(suite(PINNED), TestPolicies.compiled("tiered-perps@2"));

    // a @ base: 1 check; a @ btc-down-10: its expectation is for v1 only; b: no expectation
    assertThat(r.checks()).isEqualTo(1);
    assertThat(r.skippedExpectations()).isEqualTo(1);
    assertThat(r.uncheckedCases()).isEqualTo(3);
    assertThat(r.passed()).isTrue();
    assertThat(r.passed(true)).isFalse();

    String xml = JunitXml.of(r);
    // 4 cases + 1 skipped expectation; skipped: 3 unchecked cases + 1 expectation
    assertThat(xml).contains("tests=\"5\" failures=\"0\" errors=\"0\" skipped=\"4\"");
    assertThat(xml)
        .contains(
            "<testcase classname=\"scenarios.checks\" name=\"a @ btc-down-10: expectation at line"
                + " 25\">\n    <skipped message=\"pinned to versions [1]; this run is"
                + " tiered-perps@2\"/>")
        .contains(
            "<testcase classname=\"scenarios.checks\" name=\"b @ base\">\n    <skipped"
                + " message=\"no checks: no expectation for this account and market state\"/>")
        .contains("<testcase classname=\"scenarios.checks\" name=\"a @ base\"/>");

    assertThat(RegressionReports.text(r))
        .contains(
            "SKIPPED 1 expectations pinned to other versions (line 25 for versions [1]), not"
                + " checked under tiered-perps@2")
        .contains(
            "NO CHECKS in 3 cases (decided, but no expectation applies): a @ btc-down-10,"
                + " b @ base, b @ btc-down-10");
    assertThat(RegressionReports.text(r, true)).contains("FAILED under --strict");
    assertThat(RegressionReports.html(r))
        .contains("1 expectations skipped (pinned to other versions), 3 cases with no checks")
        .contains("<td class=\"muted\">no checks</td>");

    RegressionResult v1 = run(suite(PINNED), TestPolicies.compiled("tiered-perps@1"));
    assertThat(v1.checks()).isEqualTo(2);
    assertThat(v1.skippedExpectations()).isZero();
  }

  @Test
  void aMisspeltRuleName_failsAtItsLine_suggestingTheRuleTheAuthorMeant() throws IOException {
    Suite suite =
        suite(
            HEAD
                + """
                  - account: a
                    market: base
                    rulesNotFired: [ "Leverage caped at the bracket maximum" ]
                """);

    assertThatThrownBy(() -> run(suite, TestPolicies.compiled("tiered-perps@2")))
        .isInstanceOf(YamlFormatException.class)
        .hasMessage(
            dir.resolve("checks.yaml")
                + ":24: expectations[0].rulesNotFired[0]: policy tiered-perps@2 has no rule named"
                + " 'Leverage caped at the bracket maximum'; did you mean 'Leverage capped at the"
                + " bracket maximum'?");
  }

  @Test
  void anUnknownMetricOrFlag_failsAtItsLine() throws IOException {
    Suite metric =
        suite(
            HEAD
                + """
                  - account: a
                    market: base
                    status: OK
                    metrics: { helthFactor: none }
                """);
    assertThatThrownBy(() -> run(metric, TestPolicies.compiled("tiered-perps@2")))
        .isInstanceOf(YamlFormatException.class)
        .hasMessageStartingWith(
            dir.resolve("checks.yaml")
                + ":25: expectations[0].metrics.helthFactor: policy tiered-perps@2 has no metric"
                + " named 'helthFactor'");

    Suite flag =
        suite(
            HEAD
                + """
                  - account: a
                    market: base
                    flags: [ watchList ]
                """);
    assertThatThrownBy(() -> run(flag, TestPolicies.compiled("tiered-perps@2")))
        .isInstanceOf(YamlFormatException.class)
        .hasMessage(
            dir.resolve("checks.yaml")
                + ":24: expectations[0].flags[0]: policy tiered-perps@2 has no flag named"
                + " 'watchList'; it defines no flags");
  }

  @Test
  void flags_areCheckedInRegressAndShownInImpact() throws IOException {
    MarginEngine engine =
        MarginEngine.over(PolicyLibrary.at(FaultyLibrary.withFlag(dir.resolve("rules"))));
    CompiledPolicy v3 = engine.policy(PolicyRef.parse("tiered-perps@3"));
    Suite suite =
        suite(
            HEAD
                + """
                  - account: a
                    market: base
                    versions: ["3"]
                    flags: [ watchList ]
                  - account: b
                    market: base
                    versions: ["3"]
                    flagsAbsent: [ watchList ]
                """);

    RegressionResult r = run(suite, v3);
    assertThat(r.checks()).isEqualTo(2);
    assertThat(r.failures())
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .isEqualTo(
                        "account b in market state base under tiered-perps@3: flag 'watchList'"
                            + " expected not raised but was raised (expectation at line 26)"));

    Suite misspelt = suite(HEAD + "  - { account: a, market: base, flags: [ watchLis ] }\n");
    assertThatThrownBy(() -> run(misspelt, v3))
        .hasMessageEndingWith("has no flag named 'watchLis'; did you mean 'watchList'?");

    ImpactResult impact =
        new ImpactRunner(1, 10)
            .run(suite, engine.policy(PolicyRef.parse("tiered-perps@2")), v3, Progress.silent());
    // every cell gains the flag and nothing else changes
    assertThat(impact.changes()).hasSize(4);
    assertThat(impact.changes())
        .allSatisfy(
            c ->
                assertThat(c.differences())
                    .extracting(d -> d.text())
                    .containsExactly("flags: [] -> [watchList (Flag every account)]"));
    assertThat(impact.summary().accountsByKind().get(io.fulcrum.scenarios.impact.ChangeKind.FLAGS))
        .isEqualTo(2);
    assertThat(ImpactReports.text(impact)).contains(" flags 2;");
  }
}

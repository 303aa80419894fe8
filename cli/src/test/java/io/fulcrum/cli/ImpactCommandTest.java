package io.fulcrum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.scenarios.FaultyLibrary;
import io.fulcrum.scenarios.TestPolicies;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Exit codes and up-front refusals of {@code fulcrum impact} and {@code fulcrum decide}. */
class ImpactCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = FulcrumCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private int impact(String baseline, String candidate, String... more) {
    Path rules = FaultyLibrary.withBracketGap(dir.resolve("rules"));
    String[] base = {
      "impact",
      "--rules",
      rules.toString(),
      "--baseline",
      baseline,
      "--candidate",
      candidate,
      "--suite",
      TestPolicies.SUITES.resolve("tiered-perps.yaml").toString(),
      "--stress-dir",
      TestPolicies.STRESS.toString(),
      "--out",
      dir.resolve("out").toString(),
      "--no-progress",
      "--threads",
      "2"
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return run(all);
  }

  @Test
  void aCandidateWithATableGap_exitsWithPolicyError() {
    assertThat(impact("tiered-perps@2", "tiered-perps@3")).isEqualTo(FulcrumCli.POLICY_ERROR);
    assertThat(out.toString())
        .contains("FAILED: ")
        .contains("FAILED b3-floor-250k @ base: candidate: policy tiered-perps@3: decision table");
    assertThat(err.toString()).contains("cells could not be decided");
  }

  @Test
  void twoDifferentPolicies_areRefusedUpFront() throws Exception {
    assertThat(impact("tiered-perps@2", "collateral-health@1")).isEqualTo(FulcrumCli.BAD_INPUT);
    assertThat(err.toString())
        .contains(
            "baseline tiered-perps@2 and candidate collateral-health@1 are different policies, not"
                + " two versions of one")
        .contains("--allow-different-policies");
    assertThat(out.toString()).isEmpty();
    assertThat(Files.exists(dir.resolve("out"))).isFalse();
  }

  @Test
  void twoDifferentPolicies_runWhenAllowed_andReportTheirFailedCells() {
    int code = impact("tiered-perps@2", "collateral-health@1", "--allow-different-policies");
    assertThat(err.toString()).doesNotContain("are different policies");
    assertThat(out.toString()).contains("impact of collateral-health@1 against tiered-perps@2");
    // collateral-health margins no perpetual: every candidate cell fails (the request's instrument
    // is not covered, a refusal, not a policy fault), so the run fails with exit 1.
    assertThat(code).isEqualTo(FulcrumCli.FAILED);
    assertThat(out.toString())
        .contains("FAILED: 27 cells in 9 accounts could not be decided (0 policy faults)");
  }

  @Test
  void stress_underAPolicyWithATableGap_exitsWithPolicyError_namingTheAccount() {
    Path rules = FaultyLibrary.withBracketGap(dir.resolve("rules"));
    int code =
        run(
            "stress",
            "--rules",
            rules.toString(),
            "--policy",
            "tiered-perps@3",
            "--suite",
            TestPolicies.SUITES.resolve("tiered-perps.yaml").toString(),
            "--stress-dir",
            TestPolicies.STRESS.toString(),
            "--scenario",
            "crash-30-stablecoin-90",
            "--out",
            dir.resolve("out").toString(),
            "--no-progress");
    assertThat(code).isEqualTo(FulcrumCli.POLICY_ERROR);
    // 5 x 50,000 = 250,000 lies in the gap on the base market
    assertThat(out.toString())
        .contains(
            "b3-floor-250k                FAILED base market: policy tiered-perps@3: decision table");
    assertThat(err.toString()).contains("could not be decided");
  }

  @Test
  void decide_aRequestInATableGap_isAPolicyErrorNamingTableAndInputs() throws Exception {
    Path rules = FaultyLibrary.withBracketGap(dir.resolve("rules"));
    Path request = dir.resolve("request.json");
    Files.writeString(
        request,
        """
        {
          "account": {
            "id": "floor",
            "positions": [ { "instrument": "BTCUSDT", "quantity": "5", "entryPrice": "50000", "leverage": "10" } ],
            "collateral": [ { "asset": "USDT", "amount": "20000" } ]
          },
          "market": {
            "asOf": "2026-11-25T12:00:00Z",
            "valuationCurrency": "USDT",
            "instruments": [ { "kind": "PERPETUAL", "symbol": "BTCUSDT", "underlying": "BTC", "settlementAsset": "USDT" } ],
            "prices": { "BTCUSDT": { "mark": "50000", "index": "49990" } }
          }
        }
        """);
    int code =
        run(
            "decide",
            "--rules",
            rules.toString(),
            "--policy",
            "tiered-perps@3",
            "--request",
            request.toString());
    assertThat(err.toString())
        .doesNotContain("invalid request")
        .contains(
            "policy tiered-perps@3: decision table 'BTC maintenance brackets' (decision"
                + " 'Maintenance bracket' in brackets.dmn) matched no row for position BTCUSDT"
                + " with inputs {notional=250000");
    assertThat(code).isEqualTo(FulcrumCli.POLICY_ERROR);
  }
}

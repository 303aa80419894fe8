package io.fulcrum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.scenarios.TestPolicies;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Exit codes of {@code fulcrum regress}, with and without {@code --strict}. */
class RegressCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int regress(String suiteText, String... more) throws Exception {
    Path suite = dir.resolve("checks.yaml");
    Files.writeString(suite, suiteText);
    String[] base = {
      "regress",
      "--rules",
      TestPolicies.RULES.toString(),
      "--policy",
      "tiered-perps@2",
      "--suite",
      suite.toString(),
      "--stress-dir",
      TestPolicies.STRESS.toString(),
      "--out",
      dir.resolve("out").toString(),
      "--no-progress"
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    CommandLine cli = FulcrumCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(all);
  }

  @Test
  void skippedExpectationsAndUncheckedCases_passByDefault_butFailUnderStrict() throws Exception {
    assertThat(regress(io.fulcrum.scenarios.RegressionChecksTest.PINNED)).isEqualTo(0);
    assertThat(out.toString()).contains("SKIPPED 1 expectations").contains("NO CHECKS in 3 cases");
    out.getBuffer().setLength(0);
    assertThat(regress(io.fulcrum.scenarios.RegressionChecksTest.PINNED, "--strict"))
        .isEqualTo(FulcrumCli.FAILED);
    assertThat(out.toString()).contains("FAILED under --strict");
    assertThat(Files.readString(dir.resolve("out/regress-checks-tiered-perps_2.xml")))
        .contains("skipped=\"4\"");
  }

  @Test
  void aMisspeltRuleName_isBadInputAtItsLine() throws Exception {
    int code =
        regress(
            io.fulcrum.scenarios.RegressionChecksTest.HEAD
                + "  - { account: a, market: base, rulesFired: [ \"OK below the cal ratio\" ] }\n");
    assertThat(code).isEqualTo(FulcrumCli.BAD_INPUT);
    assertThat(err.toString())
        .contains(
            "checks.yaml:22: expectations[0].rulesFired[0]: policy tiered-perps@2 has no rule"
                + " named 'OK below the cal ratio'; did you mean 'OK below the call ratio'?");
  }
}

package io.fulcrum.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Contract 5 of issue #11: one default report folder, ./fulcrum-reports/<command>/. */
class ReportFolderTest {

  @Test
  void theDefaultFolder_isPerCommandUnderFulcrumReports() {
    assertThat(ReportFolder.of("backtest")).isEqualTo(Path.of("fulcrum-reports", "backtest"));
    assertThat(ReportFolder.orDefault(null, "calibrate"))
        .isEqualTo(Path.of("fulcrum-reports", "calibrate"));
    assertThat(ReportFolder.orDefault(Path.of("x"), "calibrate")).isEqualTo(Path.of("x"));
    assertThatThrownBy(() -> ReportFolder.of("../etc")).hasMessageContaining("'../etc'");
  }

  @Test
  void everyCommandWithAnOutOption_leavesTheDefaultToReportFolder() {
    CommandLine cli = FulcrumCli.commandLine();
    int withOut = 0;
    for (var e : cli.getSubcommands().entrySet()) {
      OptionSpec out = e.getValue().getCommandSpec().findOption("--out");
      if (out == null) {
        continue;
      }
      withOut++;
      // no picocli default: the command asks ReportFolder (backtest once wrote ./backtest-report)
      assertThat(out.defaultValue()).as(e.getKey()).isNull();
      assertThat(String.join(" ", out.description())).as(e.getKey()).contains("./fulcrum-reports/");
    }
    assertThat(withOut).isEqualTo(5); // regress, impact, stress, backtest, calibrate
  }
}

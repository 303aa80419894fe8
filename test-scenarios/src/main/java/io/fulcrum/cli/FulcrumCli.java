package io.fulcrum.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fulcrum} command line: one subcommand per capability. */
@Command(
    name = "fulcrum",
    mixinStandardHelpOptions = true,
    version = "fulcrum 0.1.0",
    description = "Explainable margin policies for crypto derivatives.",
    subcommands = {
      DecideCommand.class,
      PoliciesCommand.class,
      ValidateCommand.class,
      MeasureCommand.class,
      RegressCommand.class,
      ImpactCommand.class,
      StressCommand.class,
      BacktestCommand.class,
      CoverageTestCommand.class,
      CalibrateCommand.class,
      CommandLine.HelpCommand.class
    })
public final class FulcrumCli {

  /** Exit codes shared by the subcommands. */
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int BAD_INPUT = 2;
  public static final int POLICY_ERROR = 3;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  public static CommandLine commandLine() {
    return new CommandLine(new FulcrumCli()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}

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
      WhatIfCommand.class,
      PoliciesCommand.class,
      ValidateCommand.class,
      MeasureCommand.class,
      RegressCommand.class,
      ImpactCommand.class,
      StressCommand.class,
      BacktestCommand.class,
      CoverageTestCommand.class,
      CalibrateCommand.class,
      AuditCommand.class,
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
    return new CommandLine(new FulcrumCli())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(FulcrumCli::report);
  }

  /**
   * One place that turns a failed command into a message and an exit code: bad input (a request, a
   * suite, a file, an unknown policy or parameter) is 2, a policy that does not compile or fails is
   * 3, anything else 1. Messages name the problem; no stack traces.
   */
  static int report(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    var err = cmd.getErr();
    int code;
    if (e instanceof io.fulcrum.engine.domain.InvalidRequest) {
      err.println("invalid request: " + e.getMessage());
      code = BAD_INPUT;
    } else if (e instanceof io.fulcrum.engine.yaml.YamlFormatException) {
      err.println("bad suite: " + e.getMessage());
      code = BAD_INPUT;
    } else if (e instanceof java.nio.file.NoSuchFileException) {
      err.println("no such file: " + e.getMessage());
      code = BAD_INPUT;
    } else if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
      err.println("cannot read input: " + e.getMessage());
      code = BAD_INPUT;
    } else if (e instanceof io.fulcrum.engine.policy.PolicyNotFound
        || e instanceof IllegalArgumentException) {
      err.println(e.getMessage());
      code = BAD_INPUT;
    } else if (e instanceof io.fulcrum.engine.policy.PolicyCompilationFailed
        || e instanceof io.fulcrum.engine.runtime.PolicyEvaluationFailed) {
      err.println(e.getMessage());
      code = POLICY_ERROR;
    } else {
      err.println("failed: " + e);
      code = FAILED;
    }
    err.flush();
    return code;
  }
}

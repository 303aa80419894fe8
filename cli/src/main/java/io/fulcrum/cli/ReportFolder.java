package io.fulcrum.cli;

import java.nio.file.Path;

/**
 * Where a command writes its reports when {@code --out} is not given: {@code
 * ./fulcrum-reports/<command>/}, relative to the working directory. One place, so every command
 * (backtest, calibrate, regress, impact, stress) agrees and a user finds every report under one
 * folder.
 */
public final class ReportFolder {

  /** The folder every command's default report folder lies in. */
  public static final Path ROOT = Path.of("fulcrum-reports");

  private ReportFolder() {}

  /** {@code ./fulcrum-reports/<command>}. */
  public static Path of(String command) {
    if (command == null || command.isBlank() || !command.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "command name must be lower-case letters, digits and '-' but was '" + command + "'");
    }
    return ROOT.resolve(command);
  }

  /** {@code given} when the user gave {@code --out}, else the command's default folder. */
  public static Path orDefault(Path given, String command) {
    return given != null ? given : of(command);
  }
}

package io.fulcrum.scenarios.suite;

import java.nio.file.Path;

/**
 * A suite or stress file that cannot be used: it does not parse, or a value breaks a rule of the
 * format. Carries the file, the 1-based line (0 when unknown) and a message written for people.
 */
public final class SuiteFormatException extends RuntimeException {

  private final Path file;
  private final int line;
  private final String problem;

  public SuiteFormatException(Path file, int line, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
    this.problem = problem;
  }

  public Path file() {
    return file;
  }

  public int line() {
    return line;
  }

  public String problem() {
    return problem;
  }
}

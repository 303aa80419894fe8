package io.fulcrum.engine.yaml;

import java.nio.file.Path;

/**
 * A YAML file that cannot be used: it does not parse, or a value breaks a rule of its format (a
 * suite, a stress library, a policy manifest). Carries the file, the 1-based line (0 when unknown)
 * and a message written for people; the exception's message is {@code file:line: problem}.
 */
public class YamlFormatException extends RuntimeException {

  private final Path file;
  private final int line;
  private final String problem;

  public YamlFormatException(Path file, int line, String problem) {
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

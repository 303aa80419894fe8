package io.fulcrum.admin.application;

import io.fulcrum.engine.policy.CompilationProblem;
import java.time.Instant;
import java.util.List;

/**
 * What validating a bundle found: the checks run (compilation, smoke evaluation of each request
 * file the manifest lists under {@code tests:}) and the problems, each with file and line.
 */
public record ValidationReport(
    String policy,
    String bundleHash,
    boolean passed,
    List<String> checks,
    List<CompilationProblem> problems,
    Instant validatedAt) {

  public ValidationReport {
    checks = List.copyOf(checks);
    problems = List.copyOf(problems);
  }
}

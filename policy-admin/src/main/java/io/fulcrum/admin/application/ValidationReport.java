package io.fulcrum.admin.application;

import io.fulcrum.engine.policy.CompilationProblem;
import java.time.Instant;
import java.util.List;

/**
 * What validating a bundle found (the engine's {@code BundleValidator}): the checks run (location,
 * compile, tables, scenarios, smoke), the problems that failed it and the warnings that did not,
 * each with file and line. Reports stored before warnings existed read back with none.
 */
public record ValidationReport(
    String policy,
    String bundleHash,
    boolean passed,
    List<String> checks,
    List<CompilationProblem> problems,
    Instant validatedAt,
    List<CompilationProblem> warnings) {

  public ValidationReport {
    checks = List.copyOf(checks);
    problems = List.copyOf(problems);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** A report without warnings. */
  public ValidationReport(
      String policy,
      String bundleHash,
      boolean passed,
      List<String> checks,
      List<CompilationProblem> problems,
      Instant validatedAt) {
    this(policy, bundleHash, passed, checks, problems, validatedAt, List.of());
  }
}

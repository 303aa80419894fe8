package io.fulcrum.admin.application;

import io.fulcrum.engine.policy.CompilationProblem;
import java.util.List;

/**
 * An upload that is not a readable bundle (not a zip, a path escaping the bundle, no or a broken
 * manifest, a listed file missing, wrong id): refused with its problems, nothing stored.
 *
 * @param tooLarge the upload exceeded the size limit (413)
 */
public class BundleRefused extends RuntimeException {

  private final List<CompilationProblem> problems;
  private final boolean tooLarge;

  public BundleRefused(String message, List<CompilationProblem> problems, boolean tooLarge) {
    super(message);
    this.problems = List.copyOf(problems);
    this.tooLarge = tooLarge;
  }

  public List<CompilationProblem> problems() {
    return problems;
  }

  public boolean tooLarge() {
    return tooLarge;
  }
}

package io.fulcrum.engine.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A bundle that cannot be loaded or compiled; carries every problem with file and line. */
public class PolicyCompilationFailed extends RuntimeException {

  private final String policy;
  private final List<CompilationProblem> problems;

  public PolicyCompilationFailed(String policy, List<CompilationProblem> problems) {
    super(
        "policy "
            + policy
            + " does not compile:\n"
            + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
    this.policy = policy;
    this.problems = List.copyOf(problems);
  }

  public String policy() {
    return policy;
  }

  public List<CompilationProblem> problems() {
    return problems;
  }
}

package io.fulcrum.admin.application;

import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.policy.CompilationProblem;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyBundle;
import io.fulcrum.engine.policy.PolicyCompilationFailed;
import io.fulcrum.engine.policy.PolicyCompiler;
import io.fulcrum.engine.runtime.MarginEngine;
import io.fulcrum.engine.runtime.PolicyEvaluationFailed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a bundle the way the service can without the scenario runner: it must compile (DRL
 * syntax, DMN types, manifest bindings), and every request file the manifest lists under {@code
 * tests:} ({@code *.json}, the CLI's request format) must evaluate without failing. Other test
 * files (Kogito {@code .scesim}) are run by the rules module's build, not here.
 *
 * <p>Validation runs behind the same walls as every decision: compilation refuses what policy code
 * may not use (the engine's policy sandbox), and each smoke evaluation runs within the policy's
 * rule firing limit and time budget. The stored report never carries text produced by policy code:
 * the engine reports a failing rule by name, file and line with the exception's class, and any
 * other failure is reported by its class only.
 */
final class BundleValidation {

  private BundleValidation() {}

  static ValidationReport validate(PolicyCompiler compiler, PolicyBundle bundle, Instant at) {
    String ref = bundle.manifest().id() + "@" + bundle.manifest().version();
    List<String> checks = new ArrayList<>();
    List<CompilationProblem> problems = new ArrayList<>();
    CompiledPolicy compiled;
    checks.add("compile");
    try {
      compiled = compiler.compile(bundle);
    } catch (PolicyCompilationFailed e) {
      return new ValidationReport(ref, bundle.hash(), false, checks, e.problems(), at);
    } catch (RuntimeException e) {
      return new ValidationReport(
          ref,
          bundle.hash(),
          false,
          checks,
          List.of(new CompilationProblem("(bundle)", 0, "does not compile: " + e.getMessage())),
          at);
    }
    for (String test : bundle.manifest().tests()) {
      if (!test.endsWith(".json")) {
        continue;
      }
      checks.add("smoke " + test);
      MarginRequest request;
      try {
        request = RequestReader.read(new String(bundle.files().get(test), StandardCharsets.UTF_8));
      } catch (InvalidRequest e) {
        problems.add(new CompilationProblem(test, 0, "not a valid request: " + e.getMessage()));
        continue;
      }
      try {
        MarginEngine.decide(compiled, request, true);
      } catch (InvalidRequest | PolicyEvaluationFailed e) {
        // Engine-written messages: a failing rule is named with its file and line, never quoted.
        problems.add(new CompilationProblem(test, 0, "evaluation failed: " + e.getMessage()));
      } catch (RuntimeException | StackOverflowError e) {
        problems.add(
            new CompilationProblem(
                test, 0, "evaluation failed with " + e.getClass().getName() + " (not shown)"));
      }
    }
    return new ValidationReport(ref, bundle.hash(), problems.isEmpty(), checks, problems, at);
  }
}

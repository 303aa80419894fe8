package io.fulcrum.admin.application;

import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.policy.CompilationProblem;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyBundle;
import io.fulcrum.engine.policy.PolicyCompilationFailed;
import io.fulcrum.engine.policy.PolicyCompiler;
import io.fulcrum.engine.runtime.MarginEngine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a bundle the way the service can without the scenario runner: it must compile (DRL
 * syntax, DMN types, manifest bindings), and every request file the manifest lists under {@code
 * tests:} ({@code *.json}, the CLI's request format) must evaluate without failing. Other test
 * files (Kogito {@code .scesim}) are run by the rules module's build, not here.
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
      try {
        var request =
            RequestReader.read(new String(bundle.files().get(test), StandardCharsets.UTF_8));
        MarginEngine.decide(compiled, request, true);
      } catch (InvalidRequest e) {
        problems.add(new CompilationProblem(test, 0, "not a valid request: " + e.getMessage()));
      } catch (RuntimeException e) {
        problems.add(new CompilationProblem(test, 0, "evaluation failed: " + e.getMessage()));
      }
    }
    return new ValidationReport(ref, bundle.hash(), problems.isEmpty(), checks, problems, at);
  }
}

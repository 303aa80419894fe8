package io.fulcrum.engine.policy;

import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.runtime.MarginEngine;
import io.fulcrum.engine.runtime.PolicyEvaluationFailed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a policy bundle: the one implementation behind {@code fulcrum validate} and the
 * service's upload validation. In order:
 *
 * <ol>
 *   <li>{@code location}: the manifest's id and version are those of the directory it lies in (when
 *       there is one), as {@link PolicyLibrary#load} requires;
 *   <li>{@code compile}: DRL and spreadsheet tables, the policy sandbox, the names rules read
 *       (parameters, metrics, components, flags, phases), DMN compilation and output types, measure
 *       bindings ({@link PolicyCompiler});
 *   <li>{@code tables <file>}: decision-table analysis of every DMN model ({@link
 *       DmnTableAnalysis}): gaps, overlaps, masked rules;
 *   <li>{@code scenarios <file>}: each Kogito test scenario file, against the compiled models;
 *   <li>{@code smoke <file>}: each smoke request decided under the policy's limits.
 * </ol>
 *
 * Evidence files are hashed with the bundle and never read. Errors fail validation; warnings are
 * reported and do not. Messages never quote text produced by policy code: a failing rule is named
 * with its file and line and the exception's class. Thread-safe.
 */
public final class BundleValidator {

  private final PolicyCompiler compiler;
  private final MarketDataSets marketData;

  public BundleValidator(PolicyCompiler compiler, MarketDataSets marketData) {
    this.compiler = compiler;
    this.marketData = marketData;
  }

  /**
   * Where a bundle lies: {@code <id>/<version>/} in a library or on disk.
   *
   * @param id the policy id the location implies
   * @param version the version the location implies; null when it implies none
   */
  public record Location(String id, String version) {}

  /**
   * What validation found.
   *
   * @param checks the checks run, in order
   * @param errors what fails validation, each with file and line
   * @param warnings what does not (e.g. a gap at the edge of a table's coverage)
   */
  public record Report(
      String policy,
      String bundleHash,
      List<String> checks,
      List<CompilationProblem> errors,
      List<CompilationProblem> warnings) {
    public Report {
      checks = List.copyOf(checks);
      errors = List.copyOf(errors);
      warnings = List.copyOf(warnings);
    }

    public boolean passed() {
      return errors.isEmpty();
    }
  }

  /** Validates {@code bundle}; {@code location} may be null (nothing to compare with). */
  public Report validate(PolicyBundle bundle, Location location) {
    PolicyManifest manifest = bundle.manifest();
    List<String> checks = new ArrayList<>();
    List<CompilationProblem> errors = new ArrayList<>();
    List<CompilationProblem> warnings = new ArrayList<>();
    if (location != null) {
      checks.add("location");
      checkLocation(bundle, location, errors);
    }
    checks.add("compile");
    CompiledPolicy compiled = null;
    try {
      compiled = compiler.compile(bundle);
    } catch (PolicyCompilationFailed e) {
      errors.addAll(e.problems());
    } catch (RuntimeException e) {
      errors.add(new CompilationProblem("(bundle)", 0, "does not compile: " + e.getMessage()));
    }
    if (compiled == null) {
      return report(bundle, checks, errors, warnings);
    }
    for (String model : dmnFiles(manifest)) {
      checks.add("tables " + model);
      for (DmnTableAnalysis.Finding f :
          DmnTableAnalysis.analyse(model, bundle.files().get(model))) {
        (f.error() ? errors : warnings).add(f.problem());
      }
    }
    for (String scenario : manifest.scenarioFiles()) {
      checks.add("scenarios " + scenario);
      errors.addAll(
          ScenarioRunner.run(
              scenario,
              bundle.files().get(scenario),
              compiled.dmn(),
              manifest.limits().timeBudgetMillis()));
    }
    for (String smoke : manifest.smokeFiles()) {
      checks.add("smoke " + smoke);
      smoke(compiled, smoke, bundle.files().get(smoke), errors);
    }
    return report(bundle, checks, errors, warnings);
  }

  private static Report report(
      PolicyBundle bundle,
      List<String> checks,
      List<CompilationProblem> errors,
      List<CompilationProblem> warnings) {
    return new Report(bundle.stamp().ref(), bundle.hash(), checks, errors, warnings);
  }

  private static List<String> dmnFiles(PolicyManifest manifest) {
    return manifest.decisions().stream()
        .map(PolicyManifest.DecisionBinding::model)
        .distinct()
        .sorted()
        .toList();
  }

  private static void checkLocation(
      PolicyBundle bundle, Location location, List<CompilationProblem> errors) {
    PolicyManifest m = bundle.manifest();
    boolean idDiffers = location.id() != null && !location.id().equals(m.id());
    boolean versionDiffers = location.version() != null && !location.version().equals(m.version());
    if (idDiffers || versionDiffers) {
      errors.add(
          new CompilationProblem(
              PolicyBundle.MANIFEST,
              BundleReader.topLevelKeyLine(
                  bundle.files().get(PolicyBundle.MANIFEST), idDiffers ? "id" : "version"),
              "manifest says "
                  + m.id()
                  + "@"
                  + m.version()
                  + " but the bundle lies in "
                  + (location.id() == null ? "?" : location.id())
                  + "/"
                  + (location.version() == null ? "?" : location.version())
                  + " (policies and decide refuse it)"));
    }
  }

  private void smoke(
      CompiledPolicy compiled, String file, byte[] content, List<CompilationProblem> errors) {
    MarginRequest request;
    try {
      request = RequestReader.read(new String(content, StandardCharsets.UTF_8));
    } catch (InvalidRequest e) {
      errors.add(new CompilationProblem(file, 0, "not a valid request: " + e.getMessage()));
      return;
    }
    try {
      MarginEngine.decide(compiled, request, marketData, true);
    } catch (InvalidRequest | PolicyEvaluationFailed e) {
      // Engine-written messages: a failing rule is named with its file and line, never quoted.
      errors.add(new CompilationProblem(file, 0, "evaluation failed: " + e.getMessage()));
    } catch (RuntimeException | StackOverflowError e) {
      errors.add(
          new CompilationProblem(
              file, 0, "evaluation failed with " + e.getClass().getName() + " (not shown)"));
    }
  }
}

package io.fulcrum.cli;

import io.fulcrum.engine.measure.RiskMeasures;
import io.fulcrum.engine.policy.BundleReader;
import io.fulcrum.engine.policy.BundleValidator;
import io.fulcrum.engine.policy.CompilationProblem;
import io.fulcrum.engine.policy.PolicyBundle;
import io.fulcrum.engine.policy.PolicyCompilationFailed;
import io.fulcrum.engine.policy.PolicyCompiler;
import io.fulcrum.engine.policy.PolicyNotFound;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fulcrum validate rules/<id>/<version>}: runs the engine's {@link BundleValidator} on one
 * bundle directory (the same validation as the service's upload): the directory must be {@code
 * <id>/<version>} of its manifest, the bundle must compile, its decision tables must have no gap or
 * overlap that is an error, its test scenarios and smoke requests must pass. Prints the hash and
 * the checks run, or every error as {@code file:line: message}; warnings in both cases. Exit code 0
 * valid, 3 invalid, 2 no such bundle.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validate a policy bundle directory: its location (<id>/<version>), compilation (DRL, DMN,"
          + " sandbox, names), decision-table analysis (gaps, overlaps, masked rules), test"
          + " scenarios (.scesim) and smoke requests.",
      "Reports every error and warning as file:line: message. Exit 0 valid, 3 invalid, 2 no such"
          + " bundle."
    })
public final class ValidateCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BUNDLE_DIR", description = "e.g. rules/tiered-perps/1")
  private Path bundle;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    try {
      PolicyBundle b = BundleReader.read(bundle);
      BundleValidator.Report report =
          new BundleValidator(
                  new PolicyCompiler(RiskMeasures.load()), MarketDataOption.configuredSets())
              .validate(b, location(bundle));
      for (CompilationProblem w : report.warnings()) {
        err.println("warning: " + w);
      }
      if (!report.passed()) {
        err.println("invalid: " + report.policy());
        for (CompilationProblem p : report.errors()) {
          err.println("  " + p);
        }
        err.flush();
        return FulcrumCli.POLICY_ERROR;
      }
      err.flush();
      out.println("valid: " + report.policy() + " sha256 " + report.bundleHash());
      out.println("checks: " + String.join(", ", report.checks()));
      out.flush();
      return FulcrumCli.OK;
    } catch (PolicyNotFound e) {
      err.println(e.getMessage());
      return FulcrumCli.BAD_INPUT;
    } catch (PolicyCompilationFailed e) {
      err.println("invalid: " + e.policy());
      for (CompilationProblem p : e.problems()) {
        err.println("  " + p);
      }
      err.flush();
      return FulcrumCli.POLICY_ERROR;
    }
  }

  /** {@code <id>/<version>}: the directory's name and its parent's, as the library lays them. */
  private static BundleValidator.Location location(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    Path name = abs.getFileName();
    Path parent = abs.getParent() == null ? null : abs.getParent().getFileName();
    return new BundleValidator.Location(
        parent == null ? null : parent.toString(), name == null ? null : name.toString());
  }
}

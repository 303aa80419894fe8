package io.fulcrum.cli;

import io.fulcrum.engine.measure.RiskMeasures;
import io.fulcrum.engine.policy.BundleReader;
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
 * {@code fulcrum validate rules/<id>/<version>}: reads and compiles one bundle; prints its hash, or
 * every problem as {@code file:line: message}. Exit code 0 valid, 3 invalid, 2 no such bundle.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Compile a policy bundle directory and report problems with file and line.")
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
      new PolicyCompiler(RiskMeasures.load()).compile(b);
      out.println("valid: " + b.stamp().ref() + " sha256 " + b.hash());
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
}

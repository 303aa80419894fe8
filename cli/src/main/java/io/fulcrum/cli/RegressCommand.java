package io.fulcrum.cli;

import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import io.fulcrum.scenarios.regress.RegressionResult;
import io.fulcrum.scenarios.regress.RegressionRunner;
import io.fulcrum.scenarios.report.JunitXml;
import io.fulcrum.scenarios.report.RegressionReports;
import io.fulcrum.scenarios.run.Progress;
import io.fulcrum.scenarios.suite.Suite;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fulcrum regress --policy ID@V --suite FILE}: runs a suite, prints a summary and writes
 * JUnit XML and HTML reports. Exit codes: 0 all expectations hold, 1 an expectation failed (with
 * {@code --strict} also: an expectation was skipped as pinned to other versions, or a case made no
 * check), 2 bad input (suite does not parse, or names a rule, metric, flag or parameter the policy
 * does not define: file:line: message; unknown policy), 3 the policy does not compile.
 */
@Command(
    name = "regress",
    mixinStandardHelpOptions = true,
    description = "Run a scenario suite against a policy version; JUnit XML + HTML reports.")
public final class RegressCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;
  @Mixin private LibraryOption library;
  @Mixin private SuiteOptions options;

  @Option(
      names = "--policy",
      required = true,
      paramLabel = "ID@VERSION",
      description = "Policy to test.")
  private String policy;

  @Option(
      names = "--strict",
      description =
          "Also fail when an expectation is skipped (pinned to other versions) or a case makes no"
              + " check.")
  private boolean strict;

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    Suite suite = options.load(options.stressLibrary());
    CompiledPolicy compiled = MarginEngine.over(library.library()).policy(PolicyRef.parse(policy));
    RegressionResult result;
    try (Progress progress =
        options.noProgress
            ? Progress.silent()
            : Progress.on(
                System.err, "regress", (long) suite.book().size() * suite.marketStates().size())) {
      result =
          new RegressionRunner(options.threads())
              .withMarketData(MarketDataOption.configuredSets())
              .run(suite, compiled, progress);
    }
    String base = "regress-" + SuiteOptions.fileSafe(suite.name() + "-" + compiled.stamp().ref());
    out.print(RegressionReports.text(result, strict));
    out.println("JUnit XML: " + options.write(base + ".xml", JunitXml.of(result)));
    out.println("HTML:      " + options.write(base + ".html", RegressionReports.html(result)));
    out.flush();
    return result.passed(strict) ? FulcrumCli.OK : FulcrumCli.FAILED;
  }
}

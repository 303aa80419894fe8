package io.fulcrum.cli;

import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import io.fulcrum.scenarios.impact.ImpactResult;
import io.fulcrum.scenarios.impact.ImpactRunner;
import io.fulcrum.scenarios.report.ImpactHtml;
import io.fulcrum.scenarios.report.ImpactReports;
import io.fulcrum.scenarios.run.Progress;
import io.fulcrum.scenarios.suite.Suite;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fulcrum impact --baseline ID@V1 --candidate ID@V2 --suite FILE}: what a policy change does
 * to a book. Prints a short summary; writes JSON and HTML. Exit codes: 0 every cell decided
 * (whatever changed), 1 a cell could not be decided for another reason, 2 bad input (including two
 * different policies without {@code --allow-different-policies}), 3 a policy does not compile or
 * failed on a cell (e.g. a decision-table gap).
 */
@Command(
    name = "impact",
    mixinStandardHelpOptions = true,
    description = "Compare two policy versions on every account x market state of a suite.")
public final class ImpactCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;
  @Mixin private LibraryOption library;
  @Mixin private SuiteOptions options;

  @Option(
      names = "--baseline",
      required = true,
      paramLabel = "ID@VERSION",
      description = "Policy in force.")
  private String baseline;

  @Option(
      names = "--candidate",
      required = true,
      paramLabel = "ID@VERSION",
      description = "Proposed policy.")
  private String candidate;

  @Option(
      names = "--explain-limit",
      paramLabel = "N",
      defaultValue = "1000",
      description =
          "Explain (rules and table rows that fired differently) the first N changed cells (default ${DEFAULT-VALUE}).")
  private int explainLimit;

  @Option(
      names = "--list",
      paramLabel = "N",
      defaultValue = "5000",
      description =
          "List at most N changed cells in the JSON and HTML reports (default ${DEFAULT-VALUE}); totals cover all.")
  private int listed;

  @Option(
      names = "--allow-different-policies",
      description =
          "Compare two different policies (not two versions of one); refused without this.")
  private boolean allowDifferentPolicies;

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    Suite suite = options.load(options.stressLibrary());
    MarginEngine engine = MarginEngine.over(library.library());
    CompiledPolicy base = engine.policy(PolicyRef.parse(baseline));
    CompiledPolicy cand = engine.policy(PolicyRef.parse(candidate));
    ImpactRunner.requireSamePolicy(base, cand, allowDifferentPolicies);
    ImpactResult result;
    try (Progress progress =
        options.noProgress
            ? Progress.silent()
            : Progress.on(
                System.err, "impact", (long) suite.book().size() * suite.marketStates().size())) {
      result =
          new ImpactRunner(options.threads(), explainLimit)
              .withMarketData(MarketDataOption.configuredSets())
              .run(suite, base, cand, progress);
    }
    String name =
        "impact-"
            + SuiteOptions.fileSafe(
                suite.name() + "-" + base.stamp().ref() + "-vs-" + cand.stamp().ref());
    out.print(ImpactReports.text(result, listed));
    out.println("JSON: " + options.write(name + ".json", ImpactReports.json(result, listed)));
    out.println("HTML: " + options.write(name + ".html", ImpactHtml.of(result, listed)));
    out.flush();
    if (result.hasFailures()) {
      err.println(
          result.failures().size()
              + " cells could not be decided (listed first above and in the reports)");
      err.flush();
      return result.hasPolicyFaults() ? FulcrumCli.POLICY_ERROR : FulcrumCli.FAILED;
    }
    return FulcrumCli.OK;
  }
}

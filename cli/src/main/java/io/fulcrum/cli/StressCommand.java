package io.fulcrum.cli;

import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import io.fulcrum.scenarios.report.StressReports;
import io.fulcrum.scenarios.run.Progress;
import io.fulcrum.scenarios.stress.StressLibrary;
import io.fulcrum.scenarios.stress.StressResult;
import io.fulcrum.scenarios.stress.StressRunner;
import io.fulcrum.scenarios.stress.StressScenario;
import io.fulcrum.scenarios.suite.Suite;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fulcrum stress --policy ID@V --suite BOOK --scenario NAME|all}: per account loss vs posted
 * margin and shortfall, and book figures (total shortfall, cover-2, liquidations). Exit codes: 0
 * every account decided, 1 an account could not be decided, 2 bad input (suite, unknown scenario or
 * policy), 3 the policy does not compile or failed on an account (e.g. a decision-table gap).
 */
@Command(
    name = "stress",
    mixinStandardHelpOptions = true,
    description =
        "Apply named stress scenarios to a book: losses, shortfalls, cover-2, liquidations.")
public final class StressCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;
  @Mixin private LibraryOption library;
  @Mixin private SuiteOptions options;

  @Option(
      names = "--policy",
      required = true,
      paramLabel = "ID@VERSION",
      description = "Policy to evaluate with.")
  private String policy;

  @Option(
      names = {"--scenario"},
      required = true,
      paramLabel = "NAME|all",
      description = "A scenario of the stress library, or 'all'.")
  private String scenario;

  @Option(
      names = "--list",
      paramLabel = "N",
      defaultValue = "200",
      description =
          "List at most N accounts with a shortfall per scenario in the HTML report, largest"
              + " shortfall first (default ${DEFAULT-VALUE}).")
  private int listed;

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    StressLibrary stress = options.stressLibrary();
    List<StressScenario> chosen =
        scenario.equals("all")
            ? stress.all()
            : List.of(
                stress
                    .find(scenario)
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "no stress scenario '"
                                    + scenario
                                    + "'; the library has "
                                    + stress.all().stream().map(StressScenario::name).toList())));
    Suite book = options.load(stress);
    CompiledPolicy compiled = MarginEngine.over(library.library()).policy(PolicyRef.parse(policy));
    StressResult result;
    try (Progress progress =
        options.noProgress
            ? Progress.silent()
            : Progress.on(System.err, "stress", (long) book.book().size() * chosen.size())) {
      result =
          new StressRunner(options.threads())
              .withMarketData(MarketDataOption.configuredSets())
              .run(book, compiled, chosen, progress);
    }
    String name =
        "stress-"
            + SuiteOptions.fileSafe(book.name() + "-" + compiled.stamp().ref() + "-" + scenario);
    out.print(StressReports.text(result));
    out.println("JSON: " + options.write(name + ".json", StressReports.json(result)));
    out.println("HTML: " + options.write(name + ".html", StressReports.html(result, listed)));
    out.flush();
    if (result.failures() > 0) {
      err.println(
          result.failures()
              + " account x scenario results could not be decided (FAILED lines above and in the"
              + " reports); they are left out of the book figures");
      err.flush();
      return result.hasPolicyFaults() ? FulcrumCli.POLICY_ERROR : FulcrumCli.FAILED;
    }
    return FulcrumCli.OK;
  }
}

package io.fulcrum.cli;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.explain.ExplanationText;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.runtime.MarginEngine;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fulcrum decide --policy id[@version] --request FILE [--explain]}: one margin decision.
 * Prints the decision JSON, or with {@code --explain} the human-readable explanation. Exit codes: 0
 * decided, 2 bad request or unknown policy, 3 the policy does not compile or failed.
 */
@Command(
    name = "decide",
    mixinStandardHelpOptions = true,
    description =
        "Take a margin decision for one account and print it (JSON, or text with --explain).")
public final class DecideCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;
  @Mixin private LibraryOption library;
  @Mixin private RequestOptions input;

  @Option(
      names = "--explain",
      description = "Print the human-readable explanation instead of JSON.")
  private boolean explain;

  @Option(
      names = "--no-capture",
      description = "Skip explanation capture (faster; JSON has an empty explanation).")
  private boolean noCapture;

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    MarginEngine engine =
        MarginEngine.over(library.library()).withMarketData(MarketDataOption.configuredSets());
    MarginDecision decision = engine.decide(input.policy(), input.request(), !noCapture);
    out.println(
        explain
            ? ExplanationText.render(decision, engine.policy(input.policy()).manifest())
            : Json.pretty(decision));
    out.flush();
    return FulcrumCli.OK;
  }
}

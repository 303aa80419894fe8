package io.fulcrum.cli;

import io.fulcrum.engine.explain.ExplanationText;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.policy.PolicyManifest;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import io.fulcrum.engine.whatif.HypotheticalOrder;
import io.fulcrum.engine.whatif.WhatIf;
import io.fulcrum.engine.whatif.WhatIfResult;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fulcrum what-if --policy id[@version] --request FILE --orders FILE [--explain]}: the
 * account as it is and as it would be if hypothetical orders filled, under one policy (the engine's
 * {@link WhatIf}, as the service's {@code POST /what-if}). Prints the same JSON as the service, or
 * with {@code --explain} a before/after table, the assumptions and the explanation of the decision
 * after the orders. Exit codes as {@code decide}: 0, 2 bad request, order or unknown policy (the
 * message names the field, e.g. {@code orders[0].quantity}), 3 the policy does not compile or
 * failed.
 */
@Command(
    name = "what-if",
    mixinStandardHelpOptions = true,
    description =
        "Margin, status and liquidation prices before and after hypothetical orders fill"
            + " (JSON as the service's POST /what-if, or text with --explain). Nothing is stored.")
public final class WhatIfCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;
  @Mixin private LibraryOption library;
  @Mixin private RequestOptions input;

  @Option(
      names = "--orders",
      required = true,
      paramLabel = "FILE",
      description =
          "Orders JSON: an array of {instrument, quantity (signed), price?, marginMode?,"
              + " leverage?, isolatedMargin?}, the 'orders' of the service's what-if body.")
  private Path orders;

  @Option(
      names = "--explain",
      description =
          "Print a before/after table, the assumptions and the explanation of the decision after the orders.")
  private boolean explain;

  @Override
  public Integer call() throws Exception {
    var account = input.request();
    List<HypotheticalOrder> hypothetical =
        HypotheticalOrder.readAll(RequestReader.tree(Files.readString(orders)));
    MarginEngine engine =
        MarginEngine.over(library.library()).withMarketData(MarketDataOption.configuredSets());
    PolicyRef ref = input.policy();
    var policy = engine.policy(ref);
    WhatIfResult result =
        WhatIf.evaluate(
            policy,
            ref.version().isPresent() ? "as asked" : "latest",
            account,
            hypothetical,
            engine.marketData(),
            explain);
    var out = spec.commandLine().getOut();
    out.println(explain ? text(result, policy.manifest()) : Json.pretty(result));
    out.flush();
    return FulcrumCli.OK;
  }

  /**
   * Before/after figures, per-position changes, assumptions, then the explanation after, rendered
   * with the policy's manifest like {@code decide --explain} (the deciding measure and the levels
   * it was compared with, named by their parameters).
   */
  static String text(WhatIfResult r, PolicyManifest manifest) {
    StringBuilder s = new StringBuilder();
    String currency = r.decision().currency();
    s.append("What-if under policy ")
        .append(r.policy().ref())
        .append(" (")
        .append(currency)
        .append(")\n");
    row(s, "", "before", "after");
    row(s, "status", r.before().status().name(), r.after().status().name());
    row(s, "initial margin", r.before().initialMargin(), r.after().initialMargin());
    row(s, "maintenance margin", r.before().maintenanceMargin(), r.after().maintenanceMargin());
    row(s, "margin balance", r.before().marginBalance(), r.after().marginBalance());
    row(s, "margin ratio", r.before().marginRatio(), r.after().marginRatio());
    row(s, "wallet balance", r.before().walletBalance(), r.after().walletBalance());
    s.append("\nPositions (quantity; liquidation price), before -> after:\n");
    for (WhatIfResult.PositionChange p : r.positions()) {
      s.append(
          String.format(
              Locale.ROOT,
              "  %-14s %s -> %s; %s -> %s%n",
              p.instrument(),
              plain(p.quantityBefore()),
              plain(p.quantityAfter()),
              plain(p.liquidationPriceBefore()),
              plain(p.liquidationPriceAfter())));
    }
    s.append("\nAssumptions:\n");
    r.assumptions().forEach(a -> s.append("  - ").append(a).append('\n'));
    s.append("\nAfter the orders:\n").append(ExplanationText.render(r.decision(), manifest));
    return s.toString();
  }

  private static void row(StringBuilder s, String name, Object before, Object after) {
    s.append(String.format(Locale.ROOT, "  %-20s %20s %20s%n", name, cell(before), cell(after)));
  }

  private static String cell(Object v) {
    return v instanceof BigDecimal d ? plain(d) : v == null ? "-" : v.toString();
  }

  private static String plain(BigDecimal v) {
    return v == null ? "-" : v.toPlainString();
  }
}

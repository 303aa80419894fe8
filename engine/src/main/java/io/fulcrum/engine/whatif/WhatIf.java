package io.fulcrum.engine.whatif;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.decision.PositionFigures;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.runtime.MarginEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Pre-trade what-if: decides an account as it is and as it would be if hypothetical orders filled
 * ({@link OrderMerge}), under one policy and one market snapshot, and reports both sets of figures,
 * each position's quantity and liquidation price before and after, and the assumptions the figures
 * rest on. The service's {@code POST /what-if} and {@code fulcrum what-if} both call {@link
 * #evaluate}; nothing is stored.
 */
public final class WhatIf {

  private WhatIf() {}

  /**
   * @param policy the compiled policy both decisions are taken under
   * @param chosenAs how the policy was chosen, stated in the assumptions ({@code "active"}, {@code
   *     "as asked"}, {@code "latest"})
   * @param marketData resolves {@code market.history.dataSet} of the request
   * @param explain capture the explanation of the decision after the orders (the one returned)
   * @throws io.fulcrum.engine.domain.InvalidRequest naming {@code orders[i].field} for an order
   *     that cannot fill, or {@code orders} when there is none
   */
  public static WhatIfResult evaluate(
      CompiledPolicy policy,
      String chosenAs,
      MarginRequest request,
      List<HypotheticalOrder> orders,
      MarketDataSets marketData,
      boolean explain) {
    OrderMerge.Result merged = OrderMerge.apply(request, orders);
    MarginDecision before = MarginEngine.decide(policy, request, marketData, false);
    MarginDecision after = MarginEngine.decide(policy, merged.request(), marketData, explain);
    List<String> assumptions =
        new ArrayList<>(
            List.of(
                "orders fill completely at the given price (the mark price where none is given); no fees, funding or slippage",
                "every mark, index and collateral price stays as in the request's market snapshot (as of "
                    + request.market().asOf()
                    + ")",
                "an order on a held instrument merges into that position: an increase at the quantity-weighted entry price,"
                    + " a reduction keeps the entry price and credits realised P&L to the settlement-asset wallet"
                    + " (isolated positions: to their isolated margin)",
                "each liquidation price holds every other position's mark price fixed (cross margin shares the wallet)",
                "policy " + policy.stamp().ref() + " (" + chosenAs + ")"));
    assumptions.addAll(merged.notes());
    return new WhatIfResult(
        policy.stamp(),
        WhatIfResult.Figures.of(before),
        WhatIfResult.Figures.of(after),
        changes(before, after),
        assumptions,
        after);
  }

  /** One entry per instrument held before or after, in the order first seen (before, then new). */
  private static List<WhatIfResult.PositionChange> changes(
      MarginDecision before, MarginDecision after) {
    Map<String, PositionFigures> was = byInstrument(before);
    Map<String, PositionFigures> now = byInstrument(after);
    Set<String> instruments = new LinkedHashSet<>(was.keySet());
    instruments.addAll(now.keySet());
    return instruments.stream()
        .map(
            i ->
                new WhatIfResult.PositionChange(
                    i,
                    was.containsKey(i) ? was.get(i).quantity() : null,
                    now.containsKey(i) ? now.get(i).quantity() : null,
                    was.containsKey(i) ? was.get(i).liquidationPrice() : null,
                    now.containsKey(i) ? now.get(i).liquidationPrice() : null))
        .toList();
  }

  private static Map<String, PositionFigures> byInstrument(MarginDecision d) {
    return d.positions().stream()
        .collect(
            Collectors.toMap(
                PositionFigures::instrument, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }
}

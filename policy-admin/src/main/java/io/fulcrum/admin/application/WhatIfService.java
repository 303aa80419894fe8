package io.fulcrum.admin.application;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.decision.PositionFigures;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.runtime.MarginEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Pre-trade checks: evaluates an account as if hypothetical orders had filled. Stores nothing. */
@ApplicationScoped
public class WhatIfService {

  @Inject PolicyEngine policies;

  @Inject MarketData marketData;

  public WhatIfResult evaluate(
      MarginRequest request, List<HypotheticalOrder> orders, String policyRef, boolean explain) {
    CompiledPolicy policy = policies.resolve(policyRef);
    OrderMerge.Result merged = OrderMerge.apply(request, orders);
    MarginDecision before = MarginEngine.decide(policy, request, marketData.sets(), false);
    MarginDecision after =
        MarginEngine.decide(policy, merged.request(), marketData.sets(), explain);
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
                "policy "
                    + policy.stamp().ref()
                    + (policyRef == null || policyRef.isBlank() ? " (active)" : " (as asked)")));
    assumptions.addAll(merged.notes());
    return new WhatIfResult(
        policy.stamp(),
        WhatIfResult.Figures.of(before),
        WhatIfResult.Figures.of(after),
        changes(before, after),
        assumptions,
        after);
  }

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
                PositionFigures::instrument,
                Function.identity(),
                (a, b) -> a,
                java.util.LinkedHashMap::new));
  }
}

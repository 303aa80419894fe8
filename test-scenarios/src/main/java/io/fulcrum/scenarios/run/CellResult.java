package io.fulcrum.scenarios.run;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.domain.Account;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.domain.MarketSnapshot;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.runtime.MarginEngine;

/**
 * The outcome of one account in one market state: a decision, or the reason there is none. One
 * account the policy cannot decide fails its own cell and never the run.
 */
public sealed interface CellResult {

  record Decided(MarginDecision decision) implements CellResult {}

  record Failed(String reason) implements CellResult {}

  /**
   * Decides {@code account} on {@code market}, resolving named market data sets with {@code
   * marketData}; any engine or input failure becomes {@link Failed}.
   */
  static CellResult decide(
      CompiledPolicy policy,
      Account account,
      MarketSnapshot market,
      MarketDataSets marketData,
      boolean explain) {
    try {
      return new Decided(
          MarginEngine.decide(policy, new MarginRequest(account, market), marketData, explain));
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Failed(message);
    }
  }
}

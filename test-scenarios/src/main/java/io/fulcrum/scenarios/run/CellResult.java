package io.fulcrum.scenarios.run;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.domain.Account;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.domain.MarketSnapshot;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.runtime.MarginEngine;
import io.fulcrum.engine.runtime.PolicyEvaluationFailed;

/**
 * The outcome of one account in one market state: a decision, or the reason there is none. One
 * account the policy cannot decide fails its own cell and never the run.
 */
public sealed interface CellResult {

  record Decided(MarginDecision decision) implements CellResult {}

  /**
   * No decision.
   *
   * @param policyFault true when the policy failed (it compiled but could not decide, e.g. a
   *     decision table with a gap), false when the input was refused or anything else went wrong
   */
  record Failed(String reason, boolean policyFault) implements CellResult {

    public Failed(String reason) {
      this(reason, false);
    }
  }

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
      return new Failed(message, e instanceof PolicyEvaluationFailed);
    }
  }
}

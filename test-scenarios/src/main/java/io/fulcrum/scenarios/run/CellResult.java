package io.fulcrum.scenarios.run;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.domain.Account;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.domain.MarketSnapshot;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.runtime.DecisionBatch;
import io.fulcrum.engine.runtime.DecisionOutcome;
import io.fulcrum.engine.runtime.MarginEngine;
import io.fulcrum.engine.runtime.PolicyEvaluationFailed;
import java.util.ArrayList;
import java.util.List;

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
      return failed(e);
    }
  }

  /**
   * Decides every request against {@code policy} through {@code batch} (its threads reuse their
   * rule sessions); one result per request, in request order, each what {@link #decide} gives.
   */
  static List<CellResult> decideAll(
      DecisionBatch batch,
      CompiledPolicy policy,
      List<MarginRequest> requests,
      MarketDataSets marketData,
      boolean explain) {
    return decideAll(batch, policy, requests, marketData, explain, true);
  }

  /**
   * As {@link #decideAll(DecisionBatch, CompiledPolicy, List, MarketDataSets, boolean)}; with
   * {@code hash} false the decisions carry no decision hash (a run that only compares figures).
   */
  static List<CellResult> decideAll(
      DecisionBatch batch,
      CompiledPolicy policy,
      List<MarginRequest> requests,
      MarketDataSets marketData,
      boolean explain,
      boolean hash) {
    List<DecisionOutcome> outcomes = batch.decide(policy, requests, marketData, explain, hash);
    List<CellResult> out = new ArrayList<>(outcomes.size());
    for (DecisionOutcome o : outcomes) {
      out.add(
          o instanceof DecisionOutcome.Failed f
              ? failed(f.error())
              : new Decided(((DecisionOutcome.Decided) o).decision()));
    }
    return out;
  }

  private static Failed failed(RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new Failed(message, e instanceof PolicyEvaluationFailed);
  }
}

package io.fulcrum.admin.application;

import io.fulcrum.engine.compare.DecisionComparison;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.runtime.MarginEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Evaluates a live decision's request again under the shadow candidate and records the pair when
 * the two decisions differ ({@link DecisionComparison#RESULTS}: status, any figure, flags), money
 * figures within the shadow's tolerance of each other counting as equal. Never changes or fails the
 * live decision: a failing candidate is logged and skipped.
 */
@ApplicationScoped
public class ShadowEvaluation {

  private static final Logger LOG = Logger.getLogger(ShadowEvaluation.class.getName());

  @Inject PolicyEngine policies;

  @Inject PolicyStore store;

  @Inject ServiceClock clock;

  @Inject MarketData marketData;

  void observe(
      PolicyEngine.Shadow shadow, String decisionId, MarginRequest request, MarginDecision live) {
    try {
      MarginDecision candidate =
          MarginEngine.decide(
              policies.candidate(shadow.candidateRef()), request, marketData.sets(), false);
      if (DecisionComparison.RESULTS.withTolerance(shadow.tolerance()).differs(live, candidate)) {
        store.recordShadowDifference(
            new ShadowDifference(
                decisionId,
                clock.instant(),
                live.accountId(),
                live.policy().ref(),
                candidate.policy().ref(),
                live.status().name(),
                candidate.status().name(),
                live.initialMargin(),
                candidate.initialMargin(),
                live.maintenanceMargin(),
                candidate.maintenanceMargin()));
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "shadow evaluation of decision "
              + decisionId
              + " under "
              + shadow.candidateRef()
              + " failed; the live decision is unaffected",
          e);
    }
  }
}

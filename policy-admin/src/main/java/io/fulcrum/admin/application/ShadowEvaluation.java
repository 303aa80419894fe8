package io.fulcrum.admin.application;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.runtime.MarginEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Evaluates a live decision's request again under the shadow candidate and records the pair when
 * status differs or initial or maintenance margin differs by more than the tolerance. Never changes
 * or fails the live decision: a failing candidate is logged and skipped.
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
      if (differs(live, candidate, shadow.tolerance())) {
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

  static boolean differs(MarginDecision a, MarginDecision b, BigDecimal tolerance) {
    return a.status() != b.status()
        || beyond(a.initialMargin(), b.initialMargin(), tolerance)
        || beyond(a.maintenanceMargin(), b.maintenanceMargin(), tolerance);
  }

  private static boolean beyond(BigDecimal x, BigDecimal y, BigDecimal tolerance) {
    if (x == null || y == null) {
      return x != y;
    }
    return x.subtract(y).abs().compareTo(tolerance) > 0;
  }
}

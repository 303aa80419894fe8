package io.fulcrum.admin.application;

import io.fulcrum.engine.decision.MarginDecision;
import java.time.Instant;
import java.util.Objects;

/**
 * A decision the engine has taken and that is about to be stored.
 *
 * @param idempotencyKey the client's key, or null
 * @param requestHash SHA-256 of the canonical request and the policy asked for: a retry with the
 *     same key must carry the same request
 * @param decidedAt the service clock's instant that picked the policy version; stored as the
 *     decision's time
 */
public record NewDecision(
    String idempotencyKey,
    String requestHash,
    MarginDecision decision,
    String requestJson,
    String decisionJson,
    Instant decidedAt) {

  public NewDecision {
    Objects.requireNonNull(decidedAt, "decidedAt");
    Objects.requireNonNull(requestHash, "requestHash");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(requestJson, "requestJson");
    Objects.requireNonNull(decisionJson, "decisionJson");
  }
}

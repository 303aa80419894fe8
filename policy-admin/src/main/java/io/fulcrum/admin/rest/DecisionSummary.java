package io.fulcrum.admin.rest;

import io.fulcrum.admin.application.StoredDecision;
import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.decision.PolicyStamp;
import java.time.Instant;

/** One line of a decision list. */
public record DecisionSummary(
    String id,
    long sequence,
    Instant createdAt,
    String createdBy,
    String accountId,
    PolicyStamp policy,
    DecisionStatus status,
    Instant asOf,
    String decisionHash) {

  static DecisionSummary of(StoredDecision d) {
    return new DecisionSummary(
        d.id(),
        d.sequence(),
        d.createdAt(),
        d.createdBy(),
        d.accountId(),
        d.policy(),
        d.status(),
        d.asOf(),
        d.decisionHash());
  }
}

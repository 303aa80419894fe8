package io.fulcrum.admin.persistence;

import io.fulcrum.admin.application.NewDecision;
import io.fulcrum.admin.application.StoredDecision;
import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.decision.PolicyStamp;
import java.time.Instant;
import java.util.UUID;

/** Maps decisions between the engine's records and {@link DecisionEntity}. */
final class DecisionMapping {

  private DecisionMapping() {}

  static DecisionEntity toEntity(NewDecision d, long sequence, Instant createdAt, String actor) {
    MarginDecision decision = d.decision();
    DecisionEntity e = new DecisionEntity();
    e.id = UUID.randomUUID().toString();
    e.sequence = sequence;
    e.createdAt = createdAt;
    e.createdBy = actor;
    e.idempotencyKey = d.idempotencyKey();
    e.requestHash = d.requestHash();
    e.accountId = decision.accountId();
    e.policyId = decision.policy().id();
    e.policyVersion = decision.policy().version();
    e.policyHash = decision.policy().hash();
    e.status = decision.status().name();
    e.asOf = decision.asOf();
    e.decisionHash = decision.decisionHash();
    e.requestJson = d.requestJson();
    e.decisionJson = d.decisionJson();
    return e;
  }

  static StoredDecision toStored(DecisionEntity e) {
    return new StoredDecision(
        e.id,
        e.sequence,
        e.createdAt,
        e.createdBy,
        e.idempotencyKey,
        e.requestHash,
        e.accountId,
        new PolicyStamp(e.policyId, e.policyVersion, e.policyHash),
        DecisionStatus.valueOf(e.status),
        e.asOf,
        e.decisionHash,
        e.requestJson,
        e.decisionJson);
  }
}

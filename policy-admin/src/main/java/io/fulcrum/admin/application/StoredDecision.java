package io.fulcrum.admin.application;

import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.decision.PolicyStamp;
import java.time.Instant;

/**
 * A decision as stored: who asked, when, its place in the audit chain, and the canonical JSON of
 * the request evaluated and of the decision (with explanation) the engine returned.
 */
public record StoredDecision(
    String id,
    long sequence,
    Instant createdAt,
    String createdBy,
    String idempotencyKey,
    String requestHash,
    String accountId,
    PolicyStamp policy,
    DecisionStatus status,
    Instant asOf,
    String decisionHash,
    String requestJson,
    String decisionJson) {}

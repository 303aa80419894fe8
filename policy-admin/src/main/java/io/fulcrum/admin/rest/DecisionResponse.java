package io.fulcrum.admin.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.fulcrum.admin.application.StoredDecision;
import java.time.Instant;

/**
 * A stored decision: its id and place in the audit chain, and the decision itself exactly as the
 * engine produced it (the same JSON as the command line's).
 */
public record DecisionResponse(
    String id,
    long sequence,
    Instant createdAt,
    String createdBy,
    String idempotencyKey,
    @JsonRawValue String decision) {

  static DecisionResponse of(StoredDecision d) {
    return new DecisionResponse(
        d.id(), d.sequence(), d.createdAt(), d.createdBy(), d.idempotencyKey(), d.decisionJson());
  }
}

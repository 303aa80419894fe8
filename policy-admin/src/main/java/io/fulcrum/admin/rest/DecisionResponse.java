package io.fulcrum.admin.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.fulcrum.admin.application.StoredDecision;
import io.fulcrum.engine.decision.MarginDecision;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A stored decision: its id and place in the audit chain, and the decision itself exactly as the
 * engine produced it (the same JSON as the command line's): the stored canonical text is written as
 * is ({@link JsonRawValue}), never re-serialised.
 */
public record DecisionResponse(
    String id,
    long sequence,
    Instant createdAt,
    String createdBy,
    String idempotencyKey,
    @JsonRawValue @Schema(implementation = MarginDecision.class) String decision) {

  static DecisionResponse of(StoredDecision d) {
    return new DecisionResponse(
        d.id(), d.sequence(), d.createdAt(), d.createdBy(), d.idempotencyKey(), d.decisionJson());
  }
}

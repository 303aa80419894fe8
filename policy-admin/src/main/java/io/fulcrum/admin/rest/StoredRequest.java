package io.fulcrum.admin.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.fulcrum.admin.application.StoredDecision;
import io.fulcrum.engine.domain.MarginRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The request a stored decision evaluated, as stored (canonical JSON, written as is): what a replay
 * re-evaluates, and what the console's what-if page starts from.
 *
 * @param decisionId the decision's id
 * @param request the request, the CLI's request JSON
 */
public record StoredRequest(
    String decisionId, @JsonRawValue @Schema(implementation = MarginRequest.class) String request) {

  static StoredRequest of(StoredDecision d) {
    return new StoredRequest(d.id(), d.requestJson());
  }
}

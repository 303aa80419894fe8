package io.fulcrum.admin.rest;

import io.fulcrum.admin.application.CheckpointUnavailable;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code 503 no-checkpoint}: the decision log has no signed checkpoint or verifier key to serve.
 */
@Provider
public class CheckpointUnavailableMapper implements ExceptionMapper<CheckpointUnavailable> {

  @Override
  public Response toResponse(CheckpointUnavailable e) {
    return ProblemResponses.of(Status.SERVICE_UNAVAILABLE, "no-checkpoint", e.getMessage());
  }
}

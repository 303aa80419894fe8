package io.fulcrum.admin.rest;

import io.fulcrum.admin.application.PolicyStateStale;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code 503 policy-state-stale} with {@code Retry-After: 1}: a cluster member has not checked its
 * policy state against the database recently enough to take a live decision (nothing stored).
 */
@Provider
public class PolicyStateStaleMapper implements ExceptionMapper<PolicyStateStale> {

  @Override
  public Response toResponse(PolicyStateStale e) {
    return Response.fromResponse(
            ProblemResponses.of(Status.SERVICE_UNAVAILABLE, "policy-state-stale", e.getMessage()))
        .header("Retry-After", "1")
        .build();
  }
}

package io.fulcrum.admin.rest;

import io.fulcrum.admin.application.ChainIntegrityFault;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Stored data the audit chain does not cover (500, type {@code audit-chain-integrity}): the detail
 * names the row and the fault, the error id ties it to the log. In a file of its own so that it
 * stays apart from the general mappers in {@link ExceptionMappers}.
 */
@Provider
public class ChainIntegrityFaultMapper implements ExceptionMapper<ChainIntegrityFault> {

  @Override
  public Response toResponse(ChainIntegrityFault e) {
    return ProblemResponses.of(
        Status.INTERNAL_SERVER_ERROR,
        "audit-chain-integrity",
        e.getMessage(),
        null,
        ExceptionMappers.logged(e),
        null);
  }
}

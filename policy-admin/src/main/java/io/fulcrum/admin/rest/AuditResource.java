package io.fulcrum.admin.rest;

import io.fulcrum.admin.application.AuditVerification;
import io.fulcrum.admin.application.ChainReport;
import io.fulcrum.admin.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The audit chain. */
@Path("audit")
@RequestScoped
@SecurityRequirement(name = "basic")
public class AuditResource {

  @Inject AuditVerification verification;

  @GET
  @Path("verify")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.AUDITOR)
  @Operation(
      summary = "Check the whole audit chain; reports the first broken link (intact=false) if any")
  public ChainReport verify() {
    return verification.verify();
  }
}

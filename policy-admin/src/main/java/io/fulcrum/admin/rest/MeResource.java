package io.fulcrum.admin.rest;

import io.fulcrum.admin.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Who is signed in: the web console's sign-in checks the credentials here. */
@Path("me")
@RequestScoped
@SecurityRequirement(name = "basic")
public class MeResource {

  @Context SecurityContext security;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(RoleCheck.ANY_AUTHENTICATED_USER)
  @Operation(summary = "The authenticated user and their roles (any authenticated user)")
  public CurrentUser me() {
    return new CurrentUser(
        security.getUserPrincipal().getName(),
        Roles.ALL.stream().filter(security::isUserInRole).sorted().toList());
  }
}

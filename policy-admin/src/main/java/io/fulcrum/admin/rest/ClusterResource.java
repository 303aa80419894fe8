package io.fulcrum.admin.rest;

import io.fulcrum.admin.application.cluster.ClusterSync;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** This member's view of the cluster (README, "Cluster"). */
@Path("cluster")
@RequestScoped
@SecurityRequirement(name = "basic")
public class ClusterResource {

  @Inject ClusterSync sync;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(RoleCheck.ANY_AUTHENTICATED_USER)
  @Operation(
      summary =
          "This member: data grid address and members, policy-state revision, active version, "
              + "last check against the database, messages (any authenticated user)")
  public ClusterSync.Status status() {
    return sync.status();
  }
}

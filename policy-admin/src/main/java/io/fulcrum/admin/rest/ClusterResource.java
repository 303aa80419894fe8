package io.fulcrum.admin.rest;

import io.fulcrum.admin.application.cluster.ClusterImpact;
import io.fulcrum.admin.application.cluster.ClusterImpactRequest;
import io.fulcrum.admin.application.cluster.ClusterSync;
import io.fulcrum.admin.application.cluster.DistributedImpact;
import io.fulcrum.admin.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** This member's view of the cluster (README, "Cluster"). */
@Path("cluster")
@RequestScoped
@SecurityRequirement(name = "basic")
public class ClusterResource {

  @Inject ClusterSync sync;

  @Inject DistributedImpact impact;

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

  @POST
  @Path("impact")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.AUTHOR, Roles.APPROVER})
  @Operation(
      summary =
          "Impact of a version over a book, its accounts partitioned across the cluster's live"
              + " members (?members=N: N of them; 1: the single-member run) and merged in the"
              + " single run's order; answers the report, its SHA-256 and which member computed"
              + " which range (author, approver)")
  public ClusterImpact impact(
      ClusterImpactRequest request, @QueryParam("members") Integer members) {
    return impact.run(request, members);
  }
}

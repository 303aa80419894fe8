package io.fulcrum.admin.rest;

import io.fulcrum.admin.application.InvalidParameter;
import io.fulcrum.admin.application.ServiceClock;
import io.fulcrum.admin.application.evidence.EvidenceJob;
import io.fulcrum.admin.application.evidence.EvidenceNotFound;
import io.fulcrum.admin.application.evidence.EvidenceRequest;
import io.fulcrum.admin.application.evidence.EvidenceService;
import io.fulcrum.admin.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Evidence before approval: regression, impact and coverage jobs on a policy version, run by the
 * service and stored with the version they ran on; the review page lists them with their age.
 */
@Path("evidence")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
public class EvidenceResource {

  @Inject EvidenceService evidence;

  @Inject ServiceClock clock;

  @Context SecurityContext security;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.AUTHOR, Roles.APPROVER})
  @Operation(
      summary =
          "Start an evidence job on a version (REGRESSION, IMPACT_BOOK, IMPACT_DECISIONS,"
              + " COVERAGE); answers 202 with the job, which runs in the background")
  @APIResponse(
      responseCode = "202",
      description = "the job, queued",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EvidenceJobView.class)))
  public Response start(EvidenceRequest request) {
    EvidenceJob job = evidence.start(request, security.getUserPrincipal().getName());
    return Response.status(Response.Status.ACCEPTED)
        .entity(EvidenceJobView.of(job, clock.instant(), false))
        .build();
  }

  @GET
  @RolesAllowed({Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER})
  @Operation(summary = "A version's evidence jobs, newest first (without results)")
  public List<EvidenceJobView> list(
      @QueryParam("policy") String policy, @QueryParam("version") String version) {
    if (policy == null || version == null) {
      throw new InvalidParameter("policy", "give ?policy=<id>&version=<version>");
    }
    Instant now = clock.instant();
    return evidence.list(policy, version).stream()
        .map(j -> EvidenceJobView.of(j, now, false))
        .toList();
  }

  @GET
  @Path("options")
  @RolesAllowed({Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER})
  @Operation(
      summary =
          "What a job on the policy may use: its suites, the books, backtest portfolios, market"
              + " data sets, and the baseline version")
  @SuppressWarnings("unchecked")
  public EvidenceOptions options(@QueryParam("policy") String policy) {
    if (policy == null) {
      throw new InvalidParameter("policy", "give ?policy=<id>");
    }
    Map<String, Object> m = evidence.options(policy);
    return new EvidenceOptions(
        (List<String>) m.get("suites"),
        (List<String>) m.get("books"),
        (String) m.get("defaultBook"),
        (List<String>) m.get("portfolios"),
        (List<String>) m.get("dataSets"),
        (Integer) m.get("maxGenerated"),
        (Integer) m.get("maxDecisions"),
        (String) m.get("baseline"));
  }

  /** What a job on a policy may use. */
  public record EvidenceOptions(
      List<String> suites,
      List<String> books,
      String defaultBook,
      List<String> portfolios,
      List<String> dataSets,
      int maxGenerated,
      int maxDecisions,
      String baseline) {}

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER})
  @Operation(summary = "One evidence job: state, progress and (when done) its result")
  public EvidenceJobView get(@PathParam("id") String id) {
    return EvidenceJobView.of(found(() -> evidence.get(id)), clock.instant(), true);
  }

  @POST
  @Path("{id}/cancel")
  @RolesAllowed({Roles.AUTHOR, Roles.APPROVER})
  @Operation(summary = "Cancel a queued or running job (it stops at its next block of cells)")
  public EvidenceJobView cancel(@PathParam("id") String id) {
    return EvidenceJobView.of(found(() -> evidence.cancel(id)), clock.instant(), false);
  }

  @GET
  @Path("{id}/junit.xml")
  @Produces({MediaType.APPLICATION_XML, MediaType.TEXT_PLAIN})
  @RolesAllowed({Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER})
  @Operation(summary = "The JUnit XML report of a finished regression job")
  @APIResponse(
      responseCode = "200",
      description = "the JUnit XML report",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_XML,
              schema = @Schema(implementation = String.class)))
  public Response junit(@PathParam("id") String id) {
    EvidenceJob job = found(() -> evidence.get(id));
    if (job.reportText() == null) {
      throw new NotFoundException(
          "evidence job " + id + " has no JUnit XML (not a finished regression)");
    }
    return Response.ok(job.reportText(), MediaType.APPLICATION_XML)
        .header(
            "Content-Disposition",
            "attachment; filename=\"regress-" + job.policyId() + "-" + job.version() + ".xml\"")
        .build();
  }

  private static EvidenceJob found(Supplier<EvidenceJob> job) {
    try {
      return job.get();
    } catch (EvidenceNotFound e) {
      throw new NotFoundException(e.getMessage());
    }
  }
}

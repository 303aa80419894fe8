package io.fulcrum.admin.rest;

import io.fulcrum.admin.application.BundleArchive;
import io.fulcrum.admin.application.EventQuery;
import io.fulcrum.admin.application.PolicyDiff;
import io.fulcrum.admin.application.PolicyEngine;
import io.fulcrum.admin.application.PolicyEvent;
import io.fulcrum.admin.application.PolicyGovernance;
import io.fulcrum.admin.application.PolicyStore;
import io.fulcrum.admin.application.PolicyTables;
import io.fulcrum.admin.application.PolicyVersion;
import io.fulcrum.admin.application.ServiceClock;
import io.fulcrum.admin.application.ValidationReport;
import io.fulcrum.admin.security.Roles;
import io.fulcrum.engine.support.Instants;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Policy governance: versions, validation reports, review, activation, rollback, diff, shadow. */
@Path("policies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
public class PolicyResource {

  @Inject PolicyGovernance governance;

  @Inject Validator validator;

  @Inject PolicyEngine engine;

  @Inject PolicyStore store;

  @Inject ServiceClock clock;

  @Context SecurityContext security;

  @Context UriInfo uri;

  @GET
  @RolesAllowed({Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER, Roles.DECIDER})
  @Operation(summary = "Every stored policy version with its state now, and the active version")
  public PolicyList list() {
    return new PolicyList(active(), store.versions(null).stream().map(this::summary).toList());
  }

  @GET
  @Path("active")
  @RolesAllowed({Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER, Roles.DECIDER})
  @Operation(summary = "The version active now, scheduled activations, and the shadow candidate")
  public ActivePolicy active() {
    Instant now = clock.instant();
    List<ActivePolicy.Scheduled> scheduled =
        engine.timeline().scheduledAfter(now).stream()
            .map(a -> new ActivePolicy.Scheduled(a.effectiveAt(), a.ref()))
            .toList();
    ActivePolicy.Shadow shadow =
        engine
            .shadowSetting()
            .map(
                s ->
                    new ActivePolicy.Shadow(
                        s.attachedTo(),
                        s.candidateRef(),
                        engine.shadowNow().isPresent(),
                        s.tolerance().toPlainString()))
            .orElse(null);
    return new ActivePolicy(now, engine.activeRef(), scheduled, shadow);
  }

  @GET
  @Path("{id}/versions")
  @RolesAllowed({Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER, Roles.DECIDER})
  @Operation(summary = "Versions of one policy with their states now")
  public List<PolicyVersionView> versions(@PathParam("id") String id) {
    return store.versions(id).stream().map(this::summary).toList();
  }

  @GET
  @Path("{id}/versions/{version}")
  @RolesAllowed({Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER, Roles.DECIDER})
  @Operation(
      summary = "One version: state, review, validation report and its audited lifecycle events")
  public PolicyVersionView version(
      @PathParam("id") String id, @PathParam("version") String version) {
    PolicyVersion v = governance.get(id, version);
    return summary(v)
        .with(
            governance.report(id, version),
            store.events(id, version),
            List.copyOf(store.files(v.bundleHash()).keySet()));
  }

  @GET
  @Path("events")
  @RolesAllowed({Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER, Roles.DECIDER})
  @Operation(
      summary =
          "Audited lifecycle events across policies, newest first"
              + " (?policy=id&action=UPLOAD|VALIDATE|APPROVE|...&page=&size=)")
  public PolicyEventPage events(
      @QueryParam("policy") String policy,
      @QueryParam("action") String action,
      @QueryParam("page") @DefaultValue("0") @Schema(minimum = "0") int page,
      @QueryParam("size") @DefaultValue("50") @Schema(minimum = "1", maximum = "200") int size) {
    Bodies.paging(page, size);
    var p = governance.events(EventQuery.of(policy, action), page, size);
    return new PolicyEventPage(p.items(), p.page(), p.size(), p.total());
  }

  @GET
  @Path("{id}/versions/{version}/tables")
  @RolesAllowed({Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER, Roles.DECIDER})
  @Operation(
      summary =
          "The version's DMN decision tables: per table its file, decision, hit policy, columns"
              + " and rows numbered from 1 as explanations number them")
  public PolicyTables tables(@PathParam("id") String id, @PathParam("version") String version) {
    return governance.tables(id, version);
  }

  @GET
  @Path("{id}/versions/{version}/files/{path: .+}")
  @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
  @RolesAllowed({Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER, Roles.DECIDER})
  @Operation(summary = "One file of the version's bundle as text (UTF-8), by its bundle path")
  public String file(
      @PathParam("id") String id,
      @PathParam("version") String version,
      @PathParam("path") String path) {
    byte[] content =
        governance
            .file(id, version, path)
            .orElseThrow(
                () -> new NotFoundException(id + "@" + version + " has no file '" + path + "'"));
    return new String(content, StandardCharsets.UTF_8);
  }

  @GET
  @Path("{id}/versions/{version}/report")
  @RolesAllowed({Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER, Roles.DECIDER})
  @Operation(
      summary = "The validation report of a version (checks run, problems with file and line)")
  public ValidationReport report(@PathParam("id") String id, @PathParam("version") String version) {
    return governance.report(id, version);
  }

  @POST
  @Path("{id}/versions")
  @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
  @RolesAllowed(Roles.AUTHOR)
  @BodyLimit(BundleArchive.MAX_UPLOAD_BYTES)
  @Operation(
      summary =
          "Upload a bundle (zip of manifest.yaml and its files, at most 2 MB): stored,"
              + " compiled and validated; 201 VALIDATED, or 422 DRAFT with the problems")
  @RequestBody(
      required = true,
      content = {
        @Content(
            mediaType = "application/zip",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = MediaType.APPLICATION_OCTET_STREAM,
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(
      responseCode = "201",
      description = "stored and VALIDATED",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PolicyVersionView.class)))
  @APIResponse(
      responseCode = "422",
      description = "stored as DRAFT: the report names the problems",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PolicyVersionView.class)))
  public Response upload(@PathParam("id") String id, InputStream body) {
    byte[] zip = limited(body);
    BundleArchive.Unpacked unpacked = BundleArchive.unpack(zip);
    PolicyGovernance.Uploaded up =
        governance.upload(id, unpacked.files(), unpacked.folder(), user());
    return uploaded(uri, id, up, summary(up.version()));
  }

  /**
   * The answer to a new version stored through the upload's validation (a zip here, draft files in
   * {@link AuthoringResource}): 201 VALIDATED or 422 DRAFT, its report and its location.
   */
  static Response uploaded(
      UriInfo uri, String id, PolicyGovernance.Uploaded up, PolicyVersionView version) {
    var location =
        uri.getBaseUriBuilder()
            .path("policies")
            .path(id)
            .path("versions")
            .path(up.version().version())
            .build();
    return Response.status(up.report().passed() ? 201 : 422)
        .location(location)
        .entity(version.with(up.report(), null, null))
        .build();
  }

  @POST
  @Path("{id}/versions/{version}/approve")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.APPROVER)
  @Operation(summary = "Approve a VALIDATED version: {\"comment\"}; not by its author (four eyes)")
  public PolicyVersionView approve(
      @PathParam("id") String id, @PathParam("version") String version, ReviewRequest body) {
    return summary(
        governance.review(id, version, true, Bodies.valid(validator, body).comment(), user()));
  }

  @POST
  @Path("{id}/versions/{version}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.APPROVER)
  @Operation(summary = "Reject a VALIDATED version: {\"comment\"}; not by its author (four eyes)")
  public PolicyVersionView reject(
      @PathParam("id") String id, @PathParam("version") String version, ReviewRequest body) {
    return summary(
        governance.review(id, version, false, Bodies.valid(validator, body).comment(), user()));
  }

  @POST
  @Path("{id}/versions/{version}/activate")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.APPROVER)
  @Operation(
      summary =
          "Activate an approved version: {\"reason\", \"effectiveAt\"?: ISO instant, default now}")
  public PolicyEvent activate(
      @PathParam("id") String id, @PathParam("version") String version, ActivationRequest body) {
    Bodies.valid(validator, body);
    return governance.activate(
        id,
        version,
        Instants.parseOptional("effectiveAt", body.effectiveAt()),
        body.reason(),
        user());
  }

  @POST
  @Path("active/rollback")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.APPROVER)
  @Operation(
      summary = "Re-activate, from now, the version active before the current one: {\"reason\"}")
  public PolicyEvent rollback(RollbackRequest body) {
    return governance.rollback(Bodies.valid(validator, body).reason(), user());
  }

  @PUT
  @Path("active/shadow")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.APPROVER)
  @Operation(
      summary =
          "Attach a candidate in shadow to the active version:"
              + " {\"policy\": \"id@version\", \"tolerance\"?: amount (default 0), \"reason\"}")
  public PolicyEvent shadowOn(ShadowRequest body) {
    Bodies.valid(validator, body);
    return governance.shadowOn(body.policy(), body.toleranceOrZero(), body.reason(), user());
  }

  @DELETE
  @Path("active/shadow")
  @RolesAllowed(Roles.APPROVER)
  @Operation(summary = "Detach the shadow candidate (?reason=...)")
  public PolicyEvent shadowOff(@QueryParam("reason") String reason) {
    return governance.shadowOff(reason, user());
  }

  @GET
  @Path("active/shadow/differences")
  @RolesAllowed({Roles.AUDITOR, Roles.APPROVER, Roles.AUTHOR})
  @Operation(summary = "Live decisions whose shadow evaluation differed, newest first")
  public ShadowDifferencePage shadowDifferences(
      @QueryParam("page") @DefaultValue("0") @Schema(minimum = "0") int page,
      @QueryParam("size") @DefaultValue("50") @Schema(minimum = "1", maximum = "200") int size) {
    Bodies.paging(page, size);
    var p = store.shadowDifferences(page, size);
    return new ShadowDifferencePage(p.items(), p.page(), p.size(), p.total());
  }

  @GET
  @Path("{id}/versions/{a}/diff/{b}")
  @RolesAllowed({Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER, Roles.DECIDER})
  @Operation(summary = "Files and decision-table rows that differ between two versions")
  public PolicyDiff diff(
      @PathParam("id") String id, @PathParam("a") String a, @PathParam("b") String b) {
    return governance.diff(id, a, b);
  }

  private PolicyVersionView summary(PolicyVersion v) {
    return PolicyVersionView.of(v, governance.stateNow(v));
  }

  private String user() {
    return security.getUserPrincipal().getName();
  }

  /**
   * The body; {@link RequestBodyLimit} has already refused (413) a declared length over the limit
   * and stops a longer stream at the limit.
   */
  private static byte[] limited(InputStream body) {
    try {
      byte[] bytes = body.readNBytes(BundleArchive.MAX_UPLOAD_BYTES + 1);
      if (bytes.length > BundleArchive.MAX_UPLOAD_BYTES) {
        throw new BodyTooLarge(BundleArchive.MAX_UPLOAD_BYTES, RequestBodyLimit.drained(body));
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

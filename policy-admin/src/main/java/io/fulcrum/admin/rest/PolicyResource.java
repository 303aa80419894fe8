package io.fulcrum.admin.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulcrum.admin.application.BundleArchive;
import io.fulcrum.admin.application.PolicyDiff;
import io.fulcrum.admin.application.PolicyEngine;
import io.fulcrum.admin.application.PolicyEvent;
import io.fulcrum.admin.application.PolicyGovernance;
import io.fulcrum.admin.application.PolicyStore;
import io.fulcrum.admin.application.PolicyVersion;
import io.fulcrum.admin.application.ServiceClock;
import io.fulcrum.admin.application.ValidationReport;
import io.fulcrum.admin.security.Roles;
import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.support.Instants;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Policy governance: versions, validation reports, review, activation, rollback, diff, shadow. */
@Path("policies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
public class PolicyResource {

  @Inject PolicyGovernance governance;

  @Inject PolicyEngine engine;

  @Inject PolicyStore store;

  @Inject ServiceClock clock;

  @Context SecurityContext security;

  @Context UriInfo uri;

  @GET
  @RolesAllowed({Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER, Roles.DECIDER})
  @Operation(summary = "Every stored policy version with its state now, and the active version")
  public Map<String, Object> list() {
    return Map.of(
        "active", active(), "versions", store.versions(null).stream().map(this::summary).toList());
  }

  @GET
  @Path("active")
  @RolesAllowed({Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER, Roles.DECIDER})
  @Operation(summary = "The version active now, scheduled activations, and the shadow candidate")
  public Map<String, Object> active() {
    Instant now = clock.instant();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("now", now.toString());
    out.put("active", engine.activeRef());
    out.put(
        "scheduled",
        engine.timeline().scheduledAfter(now).stream()
            .map(a -> Map.of("policy", a.ref(), "effectiveAt", a.effectiveAt().toString()))
            .toList());
    engine
        .shadowSetting()
        .ifPresent(
            s ->
                out.put(
                    "shadow",
                    Map.of(
                        "candidate",
                        s.candidateRef(),
                        "attachedTo",
                        s.attachedTo(),
                        "tolerance",
                        s.tolerance().toPlainString(),
                        "evaluating",
                        engine.shadowNow().isPresent())));
    return out;
  }

  @GET
  @Path("{id}/versions")
  @RolesAllowed({Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER, Roles.DECIDER})
  @Operation(summary = "Versions of one policy with their states now")
  public List<Map<String, Object>> versions(@PathParam("id") String id) {
    return store.versions(id).stream().map(this::summary).toList();
  }

  @GET
  @Path("{id}/versions/{version}")
  @RolesAllowed({Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER, Roles.DECIDER})
  @Operation(
      summary = "One version: state, review, validation report and its audited lifecycle events")
  public Map<String, Object> version(
      @PathParam("id") String id, @PathParam("version") String version) {
    PolicyVersion v = governance.get(id, version);
    Map<String, Object> out = summary(v);
    out.put("report", governance.report(id, version));
    out.put("events", store.events(id, version));
    out.put("files", store.files(v.bundleHash()).keySet());
    return out;
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
  public Response upload(@PathParam("id") String id, InputStream body) {
    byte[] zip = limited(body);
    BundleArchive.Unpacked unpacked = BundleArchive.unpack(zip);
    PolicyGovernance.Uploaded up =
        governance.upload(id, unpacked.files(), unpacked.folder(), user());
    Map<String, Object> entity = summary(up.version());
    entity.put("report", up.report());
    var location =
        uri.getBaseUriBuilder()
            .path("policies")
            .path(id)
            .path("versions")
            .path(up.version().version())
            .build();
    return Response.status(up.report().passed() ? 201 : 422)
        .location(location)
        .entity(entity)
        .build();
  }

  @POST
  @Path("{id}/versions/{version}/approve")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.APPROVER)
  @Operation(summary = "Approve a VALIDATED version: {\"comment\"}; not by its author (four eyes)")
  public Map<String, Object> approve(
      @PathParam("id") String id, @PathParam("version") String version, String body) {
    ObjectNode b = Bodies.object(body, Set.of("comment"));
    return summary(governance.review(id, version, true, Bodies.text(b, "comment"), user()));
  }

  @POST
  @Path("{id}/versions/{version}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.APPROVER)
  @Operation(summary = "Reject a VALIDATED version: {\"comment\"}; not by its author (four eyes)")
  public Map<String, Object> reject(
      @PathParam("id") String id, @PathParam("version") String version, String body) {
    ObjectNode b = Bodies.object(body, Set.of("comment"));
    return summary(governance.review(id, version, false, Bodies.text(b, "comment"), user()));
  }

  @POST
  @Path("{id}/versions/{version}/activate")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.APPROVER)
  @Operation(
      summary =
          "Activate an approved version: {\"reason\", \"effectiveAt\"?: ISO instant, default now}")
  public PolicyEvent activate(
      @PathParam("id") String id, @PathParam("version") String version, String body) {
    ObjectNode b = Bodies.object(body, Set.of("reason", "effectiveAt"));
    return governance.activate(
        id,
        version,
        Instants.parseOptional("effectiveAt", Bodies.text(b, "effectiveAt")),
        Bodies.text(b, "reason"),
        user());
  }

  @POST
  @Path("active/rollback")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.APPROVER)
  @Operation(
      summary = "Re-activate, from now, the version active before the current one: {\"reason\"}")
  public PolicyEvent rollback(String body) {
    ObjectNode b = Bodies.object(body, Set.of("reason"));
    return governance.rollback(Bodies.text(b, "reason"), user());
  }

  @PUT
  @Path("active/shadow")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.APPROVER)
  @Operation(
      summary =
          "Attach a candidate in shadow to the active version:"
              + " {\"policy\": \"id@version\", \"tolerance\"?: amount (default 0), \"reason\"}")
  public PolicyEvent shadowOn(String body) {
    ObjectNode b = Bodies.object(body, Set.of("policy", "tolerance", "reason"));
    String tolerance = b.hasNonNull("tolerance") ? b.get("tolerance").asText() : "0";
    BigDecimal t;
    try {
      t = new BigDecimal(tolerance);
    } catch (NumberFormatException e) {
      throw new InvalidRequest(
          "tolerance", "tolerance must be a decimal amount but was '" + tolerance + "'");
    }
    String policy = Bodies.text(b, "policy");
    if (policy == null) {
      throw new InvalidRequest("policy", "policy is required: the candidate as id@version");
    }
    return governance.shadowOn(policy, t, Bodies.text(b, "reason"), user());
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
  public Map<String, Object> shadowDifferences(
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    var p = store.shadowDifferences(page, size);
    return Map.of("items", p.items(), "page", p.page(), "size", p.size(), "total", p.total());
  }

  @GET
  @Path("{id}/versions/{a}/diff/{b}")
  @RolesAllowed({Roles.AUDITOR, Roles.AUTHOR, Roles.APPROVER, Roles.DECIDER})
  @Operation(summary = "Files and decision-table rows that differ between two versions")
  public PolicyDiff diff(
      @PathParam("id") String id, @PathParam("a") String a, @PathParam("b") String b) {
    return governance.diff(id, a, b);
  }

  private Map<String, Object> summary(PolicyVersion v) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("policy", v.policyId());
    out.put("version", v.version());
    out.put("state", governance.stateNow(v).name());
    out.put("reviewState", v.storedState().name());
    out.put("bundleHash", v.bundleHash());
    out.put("author", v.author());
    out.put("uploadedAt", v.uploadedAt().toString());
    out.put("reviewedBy", v.reviewedBy());
    out.put("reviewedAt", v.reviewedAt() == null ? null : v.reviewedAt().toString());
    out.put("reviewComment", v.reviewComment());
    return out;
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

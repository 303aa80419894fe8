package io.fulcrum.admin.rest;

import io.fulcrum.admin.application.BatchItem;
import io.fulcrum.admin.application.BatchService;
import io.fulcrum.admin.application.DecisionQuery;
import io.fulcrum.admin.application.DecisionRepository;
import io.fulcrum.admin.application.DecisionService;
import io.fulcrum.admin.application.Page;
import io.fulcrum.admin.application.PolicyRefs;
import io.fulcrum.admin.application.ReplayReport;
import io.fulcrum.admin.application.ReplayService;
import io.fulcrum.admin.application.StoredDecision;
import io.fulcrum.admin.security.Roles;
import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.explain.ExplanationText;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.support.Instants;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Margin decisions: take, read, list, explain, replay, batch. */
@Path("decisions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
public class DecisionResource {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  @Inject DecisionService decisions;

  @Inject io.fulcrum.admin.application.PolicyEngine policies;

  @Inject Validator validator;

  @Inject ReplayService replays;

  @Inject BatchService batches;

  @Context SecurityContext security;

  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.DECIDER)
  @Operation(
      summary =
          "Take and store a margin decision for a request (account + market) under the active"
              + " or a pinned (?policy=id@version) policy version")
  @RequestBody(
      required = true,
      description =
          "A margin request, read by the engine's request reader (limits on decimals, text and"
              + " list sizes; errors name the field by its JSON path)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MarginRequest.class)))
  @APIResponse(
      responseCode = "201",
      description = "taken and stored",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DecisionResponse.class)))
  @APIResponse(
      responseCode = "200",
      description = "a retry with a stored Idempotency-Key: the stored decision",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DecisionResponse.class)))
  public Response decide(
      // Read by RequestReader (field-path errors), not by the JSON provider.
      String body,
      @QueryParam("policy") @Parameter(description = "id or id@version; default the active one")
          String policy,
      @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
    DecisionRepository.Appended result =
        decisions.decide(
            body,
            PolicyRefs.checked("policy", policy),
            checkedKey(idempotencyKey),
            security.getUserPrincipal().getName());
    DecisionResponse entity = DecisionResponse.of(result.decision());
    if (!result.created()) {
      return Response.ok(entity).header("Idempotent-Replayed", "true").build();
    }
    return Response.created(uri.getBaseUriBuilder().path("decisions").path(entity.id()).build())
        .entity(entity)
        .build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.AUDITOR, Roles.DECIDER})
  @Operation(summary = "A stored decision")
  public DecisionResponse get(@PathParam("id") String id) {
    return DecisionResponse.of(decisions.get(id));
  }

  @GET
  @Path("{id}/request")
  @RolesAllowed({Roles.AUDITOR, Roles.DECIDER})
  @Operation(summary = "The request a stored decision evaluated, as stored")
  public StoredRequest request(@PathParam("id") String id) {
    return StoredRequest.of(decisions.get(id));
  }

  @GET
  @Path("{id}/explanation")
  @Produces(MediaType.TEXT_PLAIN)
  @RolesAllowed({Roles.AUDITOR, Roles.DECIDER})
  @Operation(summary = "A decision's explanation as text for people")
  public String explanationText(@PathParam("id") String id) {
    return text(DecisionService.decisionOf(decisions.get(id)));
  }

  /**
   * The text as the CLI renders it: figures named as the deciding version's manifest declares them;
   * the shipped conventions if that version cannot be loaded.
   */
  private String text(io.fulcrum.engine.decision.MarginDecision d) {
    io.fulcrum.engine.policy.PolicyManifest manifest = null;
    try {
      var policy = policies.exact(d.policy());
      if (policy.stamp().hash().equals(d.policy().hash())) {
        manifest = policy.manifest();
      }
    } catch (RuntimeException unavailable) {
      // a retired or unreadable version: the conventions still name every figure
    }
    return ExplanationText.render(d, manifest);
  }

  @GET
  @Path("{id}/explanation")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.AUDITOR, Roles.DECIDER})
  @Operation(summary = "A decision's explanation: text and structured steps")
  public ExplanationResponse explanationJson(@PathParam("id") String id) {
    StoredDecision stored = decisions.get(id);
    var decision = DecisionService.decisionOf(stored);
    return new ExplanationResponse(
        id, text(decision), io.fulcrum.engine.json.Json.canonical(decision.explanation()));
  }

  @GET
  @RolesAllowed(Roles.AUDITOR)
  @Operation(
      summary =
          "Stored decisions, newest first; from (inclusive) and to (exclusive) are ISO instants"
              + " on the time the decision was taken")
  public DecisionPage list(
      @QueryParam("account") String account,
      @QueryParam("policy") String policy,
      @QueryParam("status") String status,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") @DefaultValue("0") @Schema(minimum = "0") int page,
      @QueryParam("size") @DefaultValue("50") @Schema(minimum = "1", maximum = "200") int size) {
    Bodies.paging(page, size);
    PolicyRef ref = policy == null || policy.isBlank() ? null : PolicyRefs.parse("policy", policy);
    DecisionQuery query =
        new DecisionQuery(
            blankToNull(account),
            ref == null ? null : ref.id(),
            ref == null ? null : ref.version().orElse(null),
            status(status),
            Instants.parseOptional("from", from),
            Instants.parseOptional("to", to),
            page,
            size);
    Page<StoredDecision> result = decisions.search(query);
    return new DecisionPage(
        result.items().stream().map(DecisionSummary::of).toList(),
        result.page(),
        result.size(),
        result.total());
  }

  @POST
  @Path("{id}/replay")
  @RolesAllowed(Roles.AUDITOR)
  @Operation(summary = "Re-evaluate a stored decision under its exact policy version and compare")
  public ReplayReport replay(@PathParam("id") String id) {
    return replays.replay(id);
  }

  @POST
  @Path("batch")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.DECIDER)
  @BodyLimit(BodyLimit.BATCH_BYTES)
  @Operation(
      summary =
          "Decide up to 1000 requests in one call: {\"policy\": optional, \"requests\": [...]};"
              + " each item is stored or fails on its own")
  public BatchResponse batch(BatchRequest body) {
    Bodies.valid(validator, body);
    List<String> texts = new ArrayList<>(body.requests().size());
    body.requests().forEach(r -> texts.add(r.toString()));
    List<BatchItem> items =
        batches.decide(
            texts,
            PolicyRefs.checked("policy", body.policy()),
            security.getUserPrincipal().getName());
    return BatchResponse.of(items);
  }

  private static String checkedKey(String key) {
    if (key == null) {
      return null;
    }
    if (!key.matches("[A-Za-z0-9._:-]{1,200}")) {
      throw new InvalidRequest(
          IDEMPOTENCY_KEY,
          "Idempotency-Key must be 1 to 200 letters, digits, '.', '_', ':' or '-'");
    }
    return key;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static DecisionStatus status(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return DecisionStatus.valueOf(s);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest(
          "status",
          "'"
              + s
              + "' is not a status; use one of "
              + java.util.Arrays.toString(DecisionStatus.values()));
    }
  }
}

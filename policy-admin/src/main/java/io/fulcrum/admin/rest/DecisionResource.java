package io.fulcrum.admin.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulcrum.admin.application.BatchItem;
import io.fulcrum.admin.application.BatchService;
import io.fulcrum.admin.application.DecisionQuery;
import io.fulcrum.admin.application.DecisionRepository;
import io.fulcrum.admin.application.DecisionService;
import io.fulcrum.admin.application.Page;
import io.fulcrum.admin.application.ReplayReport;
import io.fulcrum.admin.application.ReplayService;
import io.fulcrum.admin.application.StoredDecision;
import io.fulcrum.admin.security.Roles;
import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.explain.ExplanationText;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.support.Instants;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Margin decisions: take, read, list, explain, replay, batch. */
@Path("decisions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
public class DecisionResource {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  @Inject DecisionService decisions;

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
  public Response decide(
      String body,
      @QueryParam("policy") String policy,
      @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
    DecisionRepository.Appended result =
        decisions.decide(
            body, policy, checkedKey(idempotencyKey), security.getUserPrincipal().getName());
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
  @Path("{id}/explanation")
  @Produces(MediaType.TEXT_PLAIN)
  @RolesAllowed({Roles.AUDITOR, Roles.DECIDER})
  @Operation(summary = "A decision's explanation as text for people")
  public String explanationText(@PathParam("id") String id) {
    return ExplanationText.render(DecisionService.decisionOf(decisions.get(id)));
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
        id,
        ExplanationText.render(decision),
        io.fulcrum.engine.json.Json.canonical(decision.explanation()));
  }

  @GET
  @RolesAllowed(Roles.AUDITOR)
  @Operation(
      summary =
          "Stored decisions, newest first; from (inclusive) and to (exclusive) are ISO instants"
              + " on the time the decision was taken")
  public Map<String, Object> list(
      @QueryParam("account") String account,
      @QueryParam("policy") String policy,
      @QueryParam("status") String status,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    PolicyRef ref = policy == null || policy.isBlank() ? null : PolicyRef.parse(policy);
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
    return Map.of(
        "items",
        result.items().stream().map(DecisionSummary::of).toList(),
        "page",
        result.page(),
        "size",
        result.size(),
        "total",
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
  public Map<String, Object> batch(String body) {
    ObjectNode tree = Bodies.object(body, Set.of("policy", "requests"));
    JsonNode requests = tree.get("requests");
    if (requests == null || !requests.isArray()) {
      throw new InvalidRequest("requests", "requests must be an array of margin requests");
    }
    List<String> texts = new ArrayList<>(requests.size());
    requests.forEach(r -> texts.add(r.toString()));
    List<BatchItem> items =
        batches.decide(texts, Bodies.text(tree, "policy"), security.getUserPrincipal().getName());
    long stored = items.stream().filter(BatchItem::stored).count();
    return Map.of("stored", stored, "failed", items.size() - stored, "items", items);
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

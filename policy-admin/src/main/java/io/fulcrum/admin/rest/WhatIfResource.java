package io.fulcrum.admin.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulcrum.admin.application.WhatIfService;
import io.fulcrum.admin.security.Roles;
import io.fulcrum.engine.whatif.HypotheticalOrder;
import io.fulcrum.engine.whatif.WhatIfResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Pre-trade what-if: an account plus hypothetical orders. Nothing is stored. */
@Path("what-if")
@RequestScoped
@SecurityRequirement(name = "basic")
public class WhatIfResource {

  private static final Set<String> BODY = Set.of("request", "orders", "policy", "explain");

  @Inject WhatIfService whatIf;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.DECIDER)
  @Operation(
      summary =
          "Margin, status and liquidation prices if hypothetical orders filled:"
              + " {\"request\": {account, market}, \"orders\": [{instrument, quantity, price?}], \"policy\"?, \"explain\"?}")
  public WhatIfResult evaluate(String body) {
    ObjectNode tree = Bodies.object(body, BODY);
    var request = Bodies.marginRequest(tree.get("request"), "request");
    JsonNode explain = tree.get("explain");
    return whatIf.evaluate(
        request,
        HypotheticalOrder.readAll(tree.get("orders")),
        Bodies.text(tree, "policy"),
        explain != null && explain.asBoolean(false));
  }
}

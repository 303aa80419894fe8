package io.fulcrum.admin.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulcrum.admin.application.HypotheticalOrder;
import io.fulcrum.admin.application.WhatIfResult;
import io.fulcrum.admin.application.WhatIfService;
import io.fulcrum.admin.security.Roles;
import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.json.RequestReader;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Pre-trade what-if: an account plus hypothetical orders. Nothing is stored. */
@Path("what-if")
@RequestScoped
@SecurityRequirement(name = "basic")
public class WhatIfResource {

  private static final Set<String> BODY = Set.of("request", "orders", "policy", "explain");
  private static final Set<String> ORDER =
      Set.of("instrument", "quantity", "price", "marginMode", "leverage", "isolatedMargin");

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
        orders(tree.get("orders")),
        Bodies.text(tree, "policy"),
        explain != null && explain.asBoolean(false));
  }

  private static List<HypotheticalOrder> orders(JsonNode node) {
    if (node == null || !node.isArray()) {
      throw new InvalidRequest(
          "orders", "orders must be an array of {instrument, quantity, price?}");
    }
    List<HypotheticalOrder> orders = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String path = "orders[" + i + "]";
      JsonNode o = node.get(i);
      if (!o.isObject()) {
        throw new InvalidRequest(path, "each order must be an object");
      }
      o.fieldNames()
          .forEachRemaining(
              n -> {
                if (!ORDER.contains(n)) {
                  throw new InvalidRequest(
                      path + "." + n, "unknown field '" + n + "'; known fields: " + ORDER);
                }
              });
      try {
        // the request reader's limits on decimals and text apply to orders too
        orders.add(RequestReader.read(o.toString(), HypotheticalOrder.class));
      } catch (InvalidRequest e) {
        String field = e.field().equals("(body)") ? path : path + "." + e.field();
        throw new InvalidRequest(field, e.getMessage().substring(e.field().length() + 2));
      }
    }
    return orders;
  }
}

package io.fulcrum.admin.rest;

import io.fulcrum.admin.application.PolicyRefs;
import io.fulcrum.admin.application.WhatIfService;
import io.fulcrum.admin.security.Roles;
import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.json.RequestLimits;
import io.fulcrum.engine.whatif.WhatIfResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Pre-trade what-if: an account plus hypothetical orders. Nothing is stored. */
@Path("what-if")
@RequestScoped
@SecurityRequirement(name = "basic")
public class WhatIfResource {

  @Inject WhatIfService whatIf;

  @Inject Validator validator;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.DECIDER)
  @Operation(
      summary =
          "Margin, status and liquidation prices if hypothetical orders filled:"
              + " {\"request\": {account, market}, \"orders\": [{instrument, quantity, price?}], \"policy\"?, \"explain\"?}")
  public WhatIfResult evaluate(WhatIfRequest body) {
    Bodies.valid(validator, body);
    // read as a decision's request is (WhatIfRequest carries margin requests); sizes checked here
    try {
      RequestLimits.checkSizes(body.request());
    } catch (InvalidRequest e) {
      throw new InvalidRequest(
          "request." + e.field(), e.getMessage().substring(e.field().length() + 2));
    }
    return whatIf.evaluate(
        body.request(),
        body.orders(),
        PolicyRefs.checked("policy", body.policy()),
        body.explained());
  }
}

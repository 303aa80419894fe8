package io.fulcrum.admin.rest;

import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.whatif.HypotheticalOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /what-if}: an account and market ({@code request}, as for a decision), the
 * hypothetical orders, optionally a policy reference ({@code id} or {@code id@version}, default the
 * active version) and whether to explain the decision after the orders.
 */
@CarriesMarginRequests
@Schema(
    name = "WhatIfRequest",
    requiredProperties = {"request", "orders"})
public record WhatIfRequest(
    @Required(message = "request is required: a margin request with account and market")
        @Schema(description = "the account and market, as for POST /decisions")
        MarginRequest request,
    @Required(message = "orders must be an array of {instrument, quantity, price?}")
        @Schema(description = "orders as if filled, in order")
        List<HypotheticalOrder> orders,
    @Schema(example = "tiered-perps@3") String policy,
    Boolean explain) {

  boolean explained() {
    return Boolean.TRUE.equals(explain);
  }
}

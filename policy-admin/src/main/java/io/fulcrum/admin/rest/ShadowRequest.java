package io.fulcrum.admin.rest;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code PUT active/shadow}: the candidate version, the tolerance on initial and
 * maintenance margin (an amount in the valuation currency, default 0) and why.
 */
@Schema(
    name = "ShadowRequest",
    requiredProperties = {"policy", "reason"})
public record ShadowRequest(
    @Required(message = "policy is required: the candidate as id@version")
        @Schema(example = "tiered-perps@4")
        String policy,
    @Schema(
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
            example = "0.01")
        BigDecimal tolerance,
    @Schema(maxLength = 2000) String reason) {

  /** The tolerance, 0 when absent. */
  BigDecimal toleranceOrZero() {
    return tolerance == null ? BigDecimal.ZERO : tolerance;
  }
}

package io.fulcrum.admin.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulcrum.engine.domain.MarginRequest;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /decisions/batch}: up to 1,000 margin requests and optionally a policy
 * reference. Each request stays JSON here and is read on its own, so that a bad one fails only its
 * item (named {@code requests[i].<field>}).
 */
@CarriesMarginRequests
@Schema(name = "BatchRequest", requiredProperties = "requests")
public record BatchRequest(
    @Schema(example = "tiered-perps@3") String policy,
    @Required(message = "requests must be an array of margin requests")
        @Schema(type = SchemaType.ARRAY, implementation = MarginRequest.class, maxItems = 1000)
        List<JsonNode> requests) {}

package io.fulcrum.admin.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.fulcrum.engine.explain.Explanation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A decision's explanation: the rendered text and the structured steps. */
public record ExplanationResponse(
    String decisionId,
    String text,
    @JsonRawValue @Schema(implementation = Explanation.class) String explanation) {}

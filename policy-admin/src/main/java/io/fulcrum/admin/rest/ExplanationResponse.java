package io.fulcrum.admin.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** A decision's explanation: the rendered text and the structured steps. */
public record ExplanationResponse(
    String decisionId, String text, @JsonRawValue String explanation) {}

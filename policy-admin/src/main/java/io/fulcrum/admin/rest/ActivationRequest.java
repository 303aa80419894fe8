package io.fulcrum.admin.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code activate}: why, and from when (an ISO-8601 instant, now or later; absent: now).
 * {@code effectiveAt} stays text so that a bad value is refused naming the field, in words.
 */
@Schema(name = "ActivationRequest", requiredProperties = "reason")
public record ActivationRequest(
    @Schema(maxLength = 2000) String reason,
    @Schema(format = "date-time", example = "2026-11-25T12:00:00Z") String effectiveAt) {}

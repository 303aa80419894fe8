package io.fulcrum.admin.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code approve} and {@code reject}: why (required, at most 2000 characters). */
@Schema(name = "ReviewRequest", requiredProperties = "comment")
public record ReviewRequest(@Schema(maxLength = 2000) String comment) {}

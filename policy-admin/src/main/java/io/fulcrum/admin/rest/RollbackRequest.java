package io.fulcrum.admin.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code active/rollback}: why (required). */
@Schema(name = "RollbackRequest", requiredProperties = "reason")
public record RollbackRequest(@Schema(maxLength = 2000) String reason) {}

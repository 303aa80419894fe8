package io.fulcrum.admin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fulcrum.admin.application.PolicyEvent;
import io.fulcrum.admin.application.PolicyState;
import io.fulcrum.admin.application.PolicyVersion;
import io.fulcrum.admin.application.ValidationReport;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A policy version: its state now (ACTIVE and RETIRED come from the activation timeline), its
 * review state, bundle hash, author and review. The upload answer adds the validation report; the
 * single-version answer adds the report, the audited lifecycle events and the file names.
 */
public record PolicyVersionView(
    String policy,
    String version,
    PolicyState state,
    PolicyState reviewState,
    String bundleHash,
    String author,
    Instant uploadedAt,
    String reviewedBy,
    Instant reviewedAt,
    String reviewComment,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "upload and single-version answers only")
        ValidationReport report,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "single-version answer only")
        List<PolicyEvent> events,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "single-version answer only")
        List<String> files) {

  static PolicyVersionView of(PolicyVersion v, PolicyState stateNow) {
    return new PolicyVersionView(
        v.policyId(),
        v.version(),
        stateNow,
        v.storedState(),
        v.bundleHash(),
        v.author(),
        v.uploadedAt(),
        v.reviewedBy(),
        v.reviewedAt(),
        v.reviewComment(),
        null,
        null,
        null);
  }

  PolicyVersionView with(ValidationReport report, List<PolicyEvent> events, List<String> files) {
    return new PolicyVersionView(
        policy,
        version,
        state,
        reviewState,
        bundleHash,
        author,
        uploadedAt,
        reviewedBy,
        reviewedAt,
        reviewComment,
        report,
        events,
        files);
  }
}

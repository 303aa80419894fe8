package io.fulcrum.admin.application;

import java.time.Instant;

/**
 * A stored policy version as the application sees it.
 *
 * @param storedState the review state (DRAFT, VALIDATED, APPROVED, REJECTED)
 * @param reviewedBy the approver who approved or rejected it, null before review
 */
public record PolicyVersion(
    String policyId,
    String version,
    String bundleHash,
    PolicyState storedState,
    String author,
    Instant uploadedAt,
    String reviewedBy,
    Instant reviewedAt,
    String reviewComment,
    String reportJson) {

  public String ref() {
    return policyId + "@" + version;
  }
}

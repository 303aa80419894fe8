package io.fulcrum.admin.persistence;

import io.fulcrum.admin.application.PolicyState;
import io.fulcrum.admin.application.PolicyVersion;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A policy version and its review state. The state changes (it is the one mutable row of policy
 * governance); each change is sealed by a lifecycle event in the audit chain.
 */
@Entity
@Table(name = "policy_version")
class PolicyVersionEntity {

  /** {@code policyId@version}. */
  @Id
  @Column(length = 160)
  String ref;

  @Column(name = "policy_id", nullable = false, length = 100)
  String policyId;

  @Column(nullable = false, length = 50)
  String version;

  @Column(name = "bundle_hash", nullable = false, length = 64)
  String bundleHash;

  @Column(nullable = false, length = 20)
  String state;

  @Column(nullable = false, length = 100)
  String author;

  @Column(name = "uploaded_at", nullable = false)
  Instant uploadedAt;

  @Column(name = "reviewed_by", length = 100)
  String reviewedBy;

  @Column(name = "reviewed_at")
  Instant reviewedAt;

  @Column(name = "review_comment", length = 2000)
  String reviewComment;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(name = "report_json", nullable = false)
  String reportJson;

  protected PolicyVersionEntity() {}

  static PolicyVersionEntity from(PolicyVersion v) {
    PolicyVersionEntity e = new PolicyVersionEntity();
    e.ref = v.ref();
    e.copy(v);
    return e;
  }

  void copy(PolicyVersion v) {
    policyId = v.policyId();
    version = v.version();
    bundleHash = v.bundleHash();
    state = v.storedState().name();
    author = v.author();
    uploadedAt = v.uploadedAt();
    reviewedBy = v.reviewedBy();
    reviewedAt = v.reviewedAt();
    reviewComment = v.reviewComment();
    reportJson = v.reportJson();
  }

  PolicyVersion toVersion() {
    return new PolicyVersion(
        policyId,
        version,
        bundleHash,
        PolicyState.valueOf(state),
        author,
        uploadedAt,
        reviewedBy,
        reviewedAt,
        reviewComment,
        reportJson);
  }
}

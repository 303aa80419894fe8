package io.fulcrum.admin.persistence;

import io.fulcrum.admin.application.ShadowDifference;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A live decision whose shadow evaluation differed (observational, not part of the audit chain).
 */
@Entity
@Table(
    name = "shadow_difference",
    indexes = @Index(name = "ix_shadow_recorded", columnList = "recorded_at"))
class ShadowDifferenceEntity {

  @Id
  @Column(name = "decision_id", length = 36)
  String decisionId;

  @Column(name = "recorded_at", nullable = false)
  Instant recordedAt;

  @Column(name = "account_id", nullable = false, length = 200)
  String accountId;

  @Column(name = "active_ref", nullable = false, length = 160)
  String activeRef;

  @Column(name = "candidate_ref", nullable = false, length = 160)
  String candidateRef;

  @Column(name = "active_status", nullable = false, length = 20)
  String activeStatus;

  @Column(name = "candidate_status", nullable = false, length = 20)
  String candidateStatus;

  @Column(name = "active_im", precision = 38, scale = 8)
  BigDecimal activeInitialMargin;

  @Column(name = "candidate_im", precision = 38, scale = 8)
  BigDecimal candidateInitialMargin;

  @Column(name = "active_mm", precision = 38, scale = 8)
  BigDecimal activeMaintenanceMargin;

  @Column(name = "candidate_mm", precision = 38, scale = 8)
  BigDecimal candidateMaintenanceMargin;

  protected ShadowDifferenceEntity() {}

  ShadowDifferenceEntity(ShadowDifference d) {
    decisionId = d.decisionId();
    recordedAt = d.recordedAt();
    accountId = d.accountId();
    activeRef = d.activeRef();
    candidateRef = d.candidateRef();
    activeStatus = d.activeStatus();
    candidateStatus = d.candidateStatus();
    activeInitialMargin = d.activeInitialMargin();
    candidateInitialMargin = d.candidateInitialMargin();
    activeMaintenanceMargin = d.activeMaintenanceMargin();
    candidateMaintenanceMargin = d.candidateMaintenanceMargin();
  }

  ShadowDifference toDifference() {
    return new ShadowDifference(
        decisionId,
        recordedAt,
        accountId,
        activeRef,
        candidateRef,
        activeStatus,
        candidateStatus,
        activeInitialMargin,
        candidateInitialMargin,
        activeMaintenanceMargin,
        candidateMaintenanceMargin);
  }
}

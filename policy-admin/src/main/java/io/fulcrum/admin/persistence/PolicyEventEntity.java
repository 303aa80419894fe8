package io.fulcrum.admin.persistence;

import io.fulcrum.admin.application.ContentHash;
import io.fulcrum.admin.application.PolicyEvent;
import io.fulcrum.engine.support.Instants;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** One lifecycle event, written once; sealed in the audit chain with kind POLICY_&lt;action&gt;. */
@Entity
@Table(
    name = "policy_event",
    indexes = {
      @Index(name = "ux_policy_event_sequence", columnList = "sequence", unique = true),
      @Index(name = "ix_policy_event_ref", columnList = "policy_id, version")
    })
class PolicyEventEntity {

  @Id
  @Column(length = 36)
  String id;

  @Column(nullable = false)
  long sequence;

  @Column(nullable = false, length = 20)
  String action;

  @Column(name = "policy_id", nullable = false, length = 100)
  String policyId;

  @Column(nullable = false, length = 50)
  String version;

  @Column(name = "bundle_hash", nullable = false, length = 64)
  String bundleHash;

  @Column(nullable = false, length = 100)
  String actor;

  @Column(name = "recorded_at", nullable = false)
  Instant at;

  @Column(name = "effective_at")
  Instant effectiveAt;

  @Column(length = 4000)
  String reason;

  @Column(length = 2000)
  String detail;

  protected PolicyEventEntity() {}

  PolicyEventEntity(PolicyEvent e) {
    id = e.id();
    sequence = e.sequence();
    action = e.action().name();
    policyId = e.policyId();
    version = e.version();
    bundleHash = e.bundleHash();
    actor = e.actor();
    at = e.at();
    effectiveAt = e.effectiveAt();
    reason = e.reason();
    detail = e.detail();
  }

  PolicyEvent toEvent() {
    return new PolicyEvent(
        id,
        sequence,
        PolicyEvent.Action.valueOf(action),
        policyId,
        version,
        bundleHash,
        actor,
        at,
        effectiveAt,
        reason,
        detail);
  }

  /**
   * SHA-256 over every stored field and the SHA-256 of the named content's stored bytes, so the
   * chain also detects a bundle's files edited in place.
   */
  String contentHash(String contentSha) {
    return ContentHash.of(
        id,
        Long.toString(sequence),
        action,
        policyId,
        version,
        bundleHash,
        actor,
        Instants.format(at),
        Instants.format(effectiveAt),
        reason,
        detail,
        contentSha);
  }
}

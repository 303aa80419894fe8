package io.fulcrum.admin.persistence;

import io.fulcrum.admin.application.ContentHash;
import io.fulcrum.engine.support.Instants;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One stored margin decision: the request as evaluated (account and market), the decision with its
 * explanation, and the policy stamp. Written once, never updated: its content hash is in the audit
 * chain. Mutable only because JPA needs it; never leaves this package.
 */
@Entity
@Table(
    name = "margin_decision",
    indexes = {
      @Index(name = "ix_decision_account", columnList = "account_id, created_at"),
      @Index(name = "ix_decision_created", columnList = "created_at"),
      @Index(name = "ux_decision_sequence", columnList = "sequence", unique = true),
      @Index(name = "ux_decision_idempotency", columnList = "idempotency_key", unique = true)
    })
class DecisionEntity {

  @Id
  @Column(length = 36)
  String id;

  @Column(nullable = false)
  long sequence;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 100)
  String createdBy;

  @Column(name = "idempotency_key", length = 200)
  String idempotencyKey;

  @Column(name = "request_hash", nullable = false, length = 64)
  String requestHash;

  @Column(name = "account_id", nullable = false, length = 200)
  String accountId;

  @Column(name = "policy_id", nullable = false, length = 100)
  String policyId;

  @Column(name = "policy_version", nullable = false, length = 50)
  String policyVersion;

  @Column(name = "policy_hash", nullable = false, length = 64)
  String policyHash;

  @Column(nullable = false, length = 20)
  String status;

  @Column(name = "as_of", nullable = false)
  Instant asOf;

  @Column(name = "decision_hash", nullable = false, length = 64)
  String decisionHash;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(name = "request_json", nullable = false)
  String requestJson;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(name = "decision_json", nullable = false)
  String decisionJson;

  protected DecisionEntity() {}

  /** SHA-256 over every stored field: what the audit chain seals. */
  String contentHash() {
    return ContentHash.of(
        id,
        Long.toString(sequence),
        Instants.format(createdAt),
        createdBy,
        idempotencyKey,
        requestHash,
        accountId,
        policyId,
        policyVersion,
        policyHash,
        status,
        Instants.format(asOf),
        decisionHash,
        requestJson,
        decisionJson);
  }
}

package io.fulcrum.admin.persistence;

import io.fulcrum.admin.application.ChainLink;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One link of the audit chain. {@code kind} says what {@code subjectId} refers to (a decision now;
 * policy versions and lifecycle events later) and {@code contentHash} seals that subject's stored
 * content. {@code recordHash} covers every other column including the previous record's hash.
 */
@Entity
@Table(name = "audit_record")
class AuditRecordEntity {

  @Id long sequence;

  @Column(nullable = false, length = 30)
  String kind;

  @Column(name = "subject_id", nullable = false, length = 100)
  String subjectId;

  @Column(name = "content_hash", nullable = false, length = 64)
  String contentHash;

  @Column(name = "previous_hash", nullable = false, length = 64)
  String previousHash;

  @Column(name = "record_hash", nullable = false, length = 64)
  String recordHash;

  @Column(name = "recorded_at", nullable = false)
  Instant recordedAt;

  @Column(name = "recorded_by", nullable = false, length = 100)
  String recordedBy;

  protected AuditRecordEntity() {}

  ChainLink toLink() {
    return new ChainLink(
        sequence, kind, subjectId, contentHash, previousHash, recordHash, recordedAt, recordedBy);
  }
}

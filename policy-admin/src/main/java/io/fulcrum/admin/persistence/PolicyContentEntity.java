package io.fulcrum.admin.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A bundle's files, stored once per content hash (the engine's canonical bundle hash) as a
 * deterministic zip. Written once, never updated; the events that name it seal its SHA-256.
 */
@Entity
@Table(name = "policy_content")
class PolicyContentEntity {

  @Id
  @Column(name = "bundle_hash", length = 64)
  String bundleHash;

  @JdbcTypeCode(SqlTypes.LONG32VARBINARY)
  @Column(nullable = false)
  byte[] zip;

  protected PolicyContentEntity() {}

  PolicyContentEntity(String bundleHash, byte[] zip) {
    this.bundleHash = bundleHash;
    this.zip = zip;
  }
}

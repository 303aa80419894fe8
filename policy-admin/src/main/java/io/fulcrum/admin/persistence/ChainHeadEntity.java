package io.fulcrum.admin.persistence;

import io.fulcrum.admin.application.ContentHash;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row naming the last link of the audit chain. Appenders lock it (SELECT ... FOR
 * UPDATE), which serialises appends across threads and service instances; verification also
 * compares it with the last record, so a truncated tail is detected.
 */
@Entity
@Table(name = "audit_chain_head")
class ChainHeadEntity {

  static final int ID = 1;

  @Id int id;

  @Column(name = "last_sequence", nullable = false)
  long lastSequence;

  @Column(name = "last_hash", nullable = false, length = 64)
  String lastHash;

  protected ChainHeadEntity() {}

  static ChainHeadEntity genesis() {
    ChainHeadEntity head = new ChainHeadEntity();
    head.id = ID;
    head.lastSequence = 0;
    head.lastHash = ContentHash.GENESIS;
    return head;
  }
}

package io.fulcrum.admin.persistence;

import io.fulcrum.admin.application.SignedCheckpoint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signed checkpoint of the decision log, one per tree size, never changed. */
@Entity
@Table(name = "audit_checkpoint")
class CheckpointEntity {

  @Id
  @Column(name = "tree_size")
  long treeSize;

  @Column(name = "root_hash", nullable = false, length = 64)
  String rootHash;

  @Column(name = "signed_note", nullable = false, length = 2000)
  String signedNote;

  @Column(name = "signed_at", nullable = false)
  Instant signedAt;

  protected CheckpointEntity() {}

  CheckpointEntity(SignedCheckpoint c) {
    treeSize = c.treeSize();
    rootHash = c.rootHash();
    signedNote = c.note();
    signedAt = c.signedAt();
  }

  SignedCheckpoint toCheckpoint() {
    return new SignedCheckpoint(treeSize, rootHash, signedNote, signedAt);
  }
}

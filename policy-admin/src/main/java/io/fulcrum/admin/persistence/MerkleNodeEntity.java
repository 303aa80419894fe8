package io.fulcrum.admin.persistence;

import io.fulcrum.engine.transparency.NodeId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The hash of one complete subtree of the decision log's Merkle tree (RFC 9162), written in the
 * transaction that appends its last leaf and never changed. {@code nodeKey} is {@code index * 64 +
 * level}, so a proof's nodes are fetched by one primary-key {@code IN} query.
 */
@Entity
@Table(name = "merkle_node")
class MerkleNodeEntity {

  @Id
  @Column(name = "node_key")
  long nodeKey;

  @Column(name = "node_level", nullable = false)
  int level;

  @Column(name = "node_index", nullable = false)
  long index;

  @Column(nullable = false, length = 64)
  String hash;

  protected MerkleNodeEntity() {}

  MerkleNodeEntity(NodeId id, String hash) {
    this.nodeKey = key(id);
    this.level = id.level();
    this.index = id.index();
    this.hash = hash;
  }

  static long key(NodeId id) {
    return id.index() * 64 + id.level();
  }

  NodeId id() {
    return new NodeId(level, index);
  }
}

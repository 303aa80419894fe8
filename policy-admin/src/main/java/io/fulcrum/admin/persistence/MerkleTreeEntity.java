package io.fulcrum.admin.persistence;

import io.fulcrum.engine.transparency.CompactTree;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.util.HexFormat;

/**
 * The single row holding the Merkle tree's size and right edge (its compact range: one subtree hash
 * per set bit of the size, lowest level first, hex). Appends read and update it under the chain
 * head lock, so an append never reads other nodes and never recomputes the tree.
 */
@Entity
@Table(name = "merkle_tree")
class MerkleTreeEntity {

  static final int ID = 1;

  @Id int id;

  @Column(name = "tree_size", nullable = false)
  long treeSize;

  @Column(nullable = false, length = 4032)
  String frontier;

  /** The decoded frontier while this row is managed (one transaction). */
  @Transient private CompactTree tree;

  protected MerkleTreeEntity() {}

  static MerkleTreeEntity empty() {
    MerkleTreeEntity e = new MerkleTreeEntity();
    e.id = ID;
    e.treeSize = 0;
    e.frontier = "";
    return e;
  }

  CompactTree tree() {
    if (tree == null || tree.size() != treeSize) {
      tree = CompactTree.decode(treeSize, HexFormat.of().parseHex(frontier));
    }
    return tree;
  }

  /** Writes the tree's new size and frontier back to the columns. */
  void store(CompactTree updated) {
    tree = updated;
    treeSize = updated.size();
    frontier = HexFormat.of().formatHex(updated.encode());
  }
}

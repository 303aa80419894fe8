package io.fulcrum.admin.application;

import io.fulcrum.engine.support.Instants;
import io.fulcrum.engine.transparency.AuditLeaf;
import io.fulcrum.engine.transparency.NodeStore;
import java.util.List;
import java.util.Optional;

/**
 * The decision log as an RFC 9162 Merkle tree: every audit record, in chain order, is a leaf (leaf
 * index = sequence - 1; bytes per {@link AuditLeaf}). Leaves are added in the transaction that
 * appends their records; this reads the tree, its proofs and its signed checkpoints.
 */
public interface MerkleLog extends NodeStore {

  /** The stored tree's size and hex root (from its right edge). */
  TreeHead treeHead();

  /** The latest signed checkpoint, if any has been signed. */
  Optional<SignedCheckpoint> latestCheckpoint();

  /** Every stored checkpoint, smallest tree first. */
  List<SignedCheckpoint> checkpoints();

  /** Stores a checkpoint; false if one for that tree size is already stored. */
  boolean store(SignedCheckpoint checkpoint);

  /** The leaf of the stored decision {@code decisionId}, if it is stored and chained. */
  Optional<DecisionLeaf> decisionLeaf(String decisionId);

  /** Adds to the tree the leaves of records the chain holds but the tree does not yet. */
  void catchUp();

  /** The leaf of an audit record. */
  static AuditLeaf leafOf(ChainLink link) {
    return new AuditLeaf(
        link.sequence(),
        link.kind(),
        link.subjectId(),
        link.contentHash(),
        link.previousHash(),
        Instants.format(link.recordedAt()),
        link.recordedBy(),
        link.recordHash());
  }

  record TreeHead(long size, String rootHash) {}
}

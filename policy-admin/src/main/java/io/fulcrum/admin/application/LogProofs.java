package io.fulcrum.admin.application;

import io.fulcrum.engine.transparency.MerkleProofs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Proofs over the decision log for auditors: a decision's inclusion in a tree size, the consistency
 * of two tree sizes, and a decision's leaf. Sizes default to the latest signed checkpoint, so a
 * proof matches the checkpoint a client fetches with it.
 */
@ApplicationScoped
public class LogProofs {

  @Inject MerkleLog log;

  /** Where a decision's leaf is and the hashes proving it is in the tree of {@code size}. */
  public record Inclusion(String decisionId, long leafIndex, long treeSize, List<byte[]> hashes) {}

  /** The hashes proving the tree of {@code to} leaves extends the tree of {@code from}. */
  public record Consistency(long from, long to, List<byte[]> hashes) {}

  public DecisionLeaf leaf(String decisionId) {
    requireDecisionId(decisionId);
    return log.decisionLeaf(decisionId).orElseThrow(() -> new DecisionNotFound(decisionId));
  }

  public Inclusion inclusion(String decisionId, Long size) {
    DecisionLeaf leaf = leaf(decisionId);
    long treeSize = size == null ? latestCheckpointSize("size") : size;
    requireStored("size", treeSize);
    long index = leaf.leaf().leafIndex();
    if (index >= treeSize) {
      throw new InvalidParameter(
          "size",
          "decision "
              + decisionId
              + " is leaf "
              + index
              + ", not in the tree of its first "
              + treeSize
              + " leaves: ask for a larger size");
    }
    return new Inclusion(decisionId, index, treeSize, MerkleProofs.inclusion(index, treeSize, log));
  }

  public Consistency consistency(long from, Long to) {
    long toSize = to == null ? latestCheckpointSize("to") : to;
    if (from < 0 || from > toSize) {
      throw new InvalidParameter(
          "from", "from must be in [0, to] (to is " + toSize + ") but was " + from);
    }
    requireStored("to", toSize);
    return new Consistency(from, toSize, MerkleProofs.consistency(from, toSize, log));
  }

  private long latestCheckpointSize(String field) {
    return log.latestCheckpoint()
        .map(SignedCheckpoint::treeSize)
        .orElseThrow(
            () -> new InvalidParameter(field, "no checkpoint is signed yet: give " + field));
  }

  private void requireStored(String field, long size) {
    long stored = log.treeHead().size();
    if (size < 0 || size > stored) {
      throw new InvalidParameter(
          field, field + " must be in [0, " + stored + "] (the log's size) but was " + size);
    }
  }

  private static void requireDecisionId(String decisionId) {
    if (decisionId == null || decisionId.isBlank()) {
      throw new InvalidParameter("decision", "give the decision id: ?decision=<id>");
    }
  }
}

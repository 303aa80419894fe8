package io.fulcrum.admin.application;

import io.fulcrum.admin.application.ChainReport.BrokenLink;
import io.fulcrum.engine.transparency.Checkpoint;
import io.fulcrum.engine.transparency.CompactTree;
import io.fulcrum.engine.transparency.MerkleHash;
import io.fulcrum.engine.transparency.NodeId;
import io.fulcrum.engine.transparency.NoteKeys;
import io.fulcrum.engine.transparency.ProofInvalid;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Merkle tree side of {@link AuditVerification}: rebuilds the tree from the records as the
 * chain walk passes them, compares every stored node with it, then the stored right edge and every
 * signed checkpoint (signature by the service key, a tree size the chain still has, the root the
 * records give at that size).
 */
final class TreeCheck {

  /** The kind a report names for a stored tree node that differs from the records. */
  static final String MERKLE_NODE = "MERKLE_NODE";

  /** The kind a report names for a checkpoint the records do not bear out. */
  static final String CHECKPOINT = "CHECKPOINT";

  private static final HexFormat HEX = HexFormat.of();

  private final MerkleLog log;
  private final Optional<NoteKeys.Verifier> verifier;
  private final List<SignedCheckpoint> checkpoints;
  private final CompactTree tree = CompactTree.empty();
  private final Map<Long, byte[]> rootsAtCheckpoints = new HashMap<>();
  private final Map<NodeId, byte[]> pending = new LinkedHashMap<>();

  TreeCheck(MerkleLog log, Optional<NoteKeys.Verifier> verifier) {
    this.log = log;
    this.verifier = verifier;
    this.checkpoints = log.checkpoints();
    rootsAtCheckpoints.put(0L, MerkleHash.emptyRoot());
  }

  /** Adds the leaf of a record that checked. */
  void add(ChainLink link) {
    pending.putAll(tree.append(MerkleLog.leafOf(link).leafHash()));
    long size = tree.size();
    if (checkpoints.stream().anyMatch(c -> c.treeSize() == size)) {
      rootsAtCheckpoints.put(size, tree.root());
    }
  }

  /** Compares the stored nodes of the leaves added since the last call; the first difference. */
  BrokenLink compareStoredNodes() {
    if (pending.isEmpty()) {
      return null;
    }
    Map<NodeId, byte[]> stored;
    try {
      stored = log.nodes(pending.keySet());
    } catch (ChainIntegrityFault e) {
      return new BrokenLink(tree.size(), MERKLE_NODE, null, e.getMessage());
    }
    for (Map.Entry<NodeId, byte[]> node : pending.entrySet()) {
      NodeId id = node.getKey();
      if (!java.util.Arrays.equals(stored.get(id), node.getValue())) {
        pending.clear();
        return new BrokenLink(
            id.firstLeaf() + 1,
            MERKLE_NODE,
            id.level() + "/" + id.index(),
            "Merkle tree node (level "
                + id.level()
                + ", index "
                + id.index()
                + ") was edited: it differs from the hash the records give");
      }
    }
    pending.clear();
    return null;
  }

  /** After the whole chain checked: the stored tree head and every checkpoint. */
  BrokenLink finish(long headSequence, java.util.function.LongSupplier liveHeadSequence) {
    MerkleLog.TreeHead stored = log.treeHead();
    // Decisions appended since the snapshot grow the records and the tree in one transaction: a
    // larger stored tree is then no fault as long as the chain, read after it, is at least as long.
    // Its right edge is of a later size than the records checked, so only the nodes (compared
    // above) and the checkpoints are checked against them.
    boolean grownSince =
        stored.size() > tree.size() && liveHeadSequence.getAsLong() >= stored.size();
    if (!grownSince && stored.size() != tree.size()) {
      return new BrokenLink(
          headSequence,
          MERKLE_NODE,
          null,
          "the Merkle tree holds "
              + stored.size()
              + " leaves but the chain has "
              + tree.size()
              + " records");
    }
    if (!grownSince && !stored.rootHash().equals(root())) {
      return new BrokenLink(
          headSequence,
          MERKLE_NODE,
          null,
          "the stored Merkle tree's right edge (merkle_tree) gives root "
              + stored.rootHash()
              + " but the records give "
              + root());
    }
    for (SignedCheckpoint c : checkpoints) {
      String problem = checkpointProblem(c, headSequence);
      if (problem != null) {
        return new BrokenLink(
            Math.min(c.treeSize(), headSequence), CHECKPOINT, Long.toString(c.treeSize()), problem);
      }
    }
    return null;
  }

  private String checkpointProblem(SignedCheckpoint c, long headSequence) {
    String what = "checkpoint of " + c.treeSize() + " leaves";
    if (verifier.isEmpty()) {
      return what + " cannot be checked: the service has no signing key";
    }
    Checkpoint signed;
    try {
      signed = Checkpoint.open(c.note(), verifier.get());
    } catch (ProofInvalid e) {
      return what + " is not signed by the service key: " + e.getMessage();
    }
    if (signed.size() != c.treeSize() || !HEX.formatHex(signed.rootHash()).equals(c.rootHash())) {
      return what + ": its row (size, root) differs from the signed note";
    }
    if (c.treeSize() > headSequence) {
      return what
          + " is signed but the chain has only "
          + headSequence
          + " records: records were removed (a truncated log)";
    }
    byte[] recomputed = rootsAtCheckpoints.get(c.treeSize());
    if (!java.util.Arrays.equals(recomputed, signed.rootHash())) {
      return what
          + " signs root "
          + c.rootHash()
          + " but the records give "
          + HEX.formatHex(recomputed)
          + ": the log was rewritten after it was signed";
    }
    return null;
  }

  long size() {
    return tree.size();
  }

  String root() {
    return HEX.formatHex(tree.root());
  }

  Long latestCheckpoint() {
    return checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1).treeSize();
  }
}

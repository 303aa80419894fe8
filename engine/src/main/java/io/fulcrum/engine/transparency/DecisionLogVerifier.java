package io.fulcrum.engine.transparency;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What an auditor checks offline, with no database and no service: that a stored decision is in the
 * decision log under a signed checkpoint, and that a newer checkpoint extends an older one. Every
 * failed check throws {@link ProofInvalid} saying which one.
 */
public final class DecisionLogVerifier {

  private static final HexFormat HEX = HexFormat.of();

  private DecisionLogVerifier() {}

  /** A decision's leaf as served ({@code GET /audit/leaf}): its row, its record, the leaf bytes. */
  public record LeafDocument(
      AuditLeaf record, Map<String, String> columns, long leafIndex, byte[] leafBytes) {}

  /** An inclusion proof as served ({@code GET /audit/proof/inclusion}). */
  public record InclusionProof(long leafIndex, long treeSize, List<byte[]> hashes) {}

  /** A consistency proof as served ({@code GET /audit/proof/consistency}). */
  public record ConsistencyProof(long from, long to, List<byte[]> hashes) {}

  /**
   * Checks, in order: the checkpoint's signature; the decision's columns against the content hash
   * its record sealed; the record's own hash; the leaf bytes against the record; the proof's tree
   * size against the checkpoint's; the inclusion proof against the checkpoint's root. Returns the
   * lines of what was verified.
   */
  public static List<String> verifyDecision(
      LeafDocument leaf, InclusionProof proof, String checkpointNote, NoteKeys.Verifier key) {
    List<String> done = new ArrayList<>();
    Checkpoint checkpoint = Checkpoint.open(checkpointNote, key);
    done.add(
        "checkpoint: signed by "
            + key.name()
            + " (key "
            + HEX.formatHex(key.keyId())
            + "), tree of "
            + checkpoint.size()
            + " leaves");
    AuditLeaf record = leaf.record();
    if (AuditLeaf.DECISION.equals(record.kind())) {
      checkColumns(leaf, record);
      done.add(
          "decision "
              + record.subjectId()
              + ": its stored columns hash to the sealed content hash "
              + record.contentHash());
    }
    if (!record.expectedRecordHash().equals(record.recordHash())) {
      throw new ProofInvalid(
          "audit record "
              + record.sequence()
              + " was altered: its fields hash to "
              + record.expectedRecordHash()
              + ", not its record hash "
              + record.recordHash());
    }
    if (leaf.leafBytes() != null && !java.util.Arrays.equals(leaf.leafBytes(), record.bytes())) {
      throw new ProofInvalid(
          "the leaf bytes given differ from the leaf the audit record makes ("
              + AuditLeaf.FORMAT
              + ")");
    }
    if (leaf.leafIndex() != record.leafIndex() || proof.leafIndex() != record.leafIndex()) {
      throw new ProofInvalid(
          "audit record "
              + record.sequence()
              + " is leaf "
              + record.leafIndex()
              + " but the proof is for leaf "
              + proof.leafIndex());
    }
    if (proof.treeSize() != checkpoint.size()) {
      throw new ProofInvalid(
          "the proof is for a tree of "
              + proof.treeSize()
              + " leaves but the checkpoint signs "
              + checkpoint.size()
              + ": fetch the proof with size="
              + checkpoint.size());
    }
    byte[] leafHash = record.leafHash();
    ProofVerifier.verifyInclusion(
        proof.leafIndex(), proof.treeSize(), leafHash, proof.hashes(), checkpoint.rootHash());
    done.add(
        "inclusion: leaf "
            + proof.leafIndex()
            + " (leaf hash "
            + HEX.formatHex(leafHash)
            + ") is in the tree of "
            + checkpoint.size()
            + " leaves with root "
            + HEX.formatHex(checkpoint.rootHash()));
    return done;
  }

  /**
   * Checks that the {@code newer} checkpoint's tree extends the {@code older} one's: both signed by
   * {@code key} (when given; otherwise only parsed), the same log, and the consistency proof
   * between their sizes and roots.
   */
  public static List<String> verifyConsistency(
      String older, String newer, ConsistencyProof proof, NoteKeys.Verifier key) {
    List<String> done = new ArrayList<>();
    Checkpoint old = key == null ? Checkpoint.parse(body(older)) : Checkpoint.open(older, key);
    Checkpoint now = key == null ? Checkpoint.parse(body(newer)) : Checkpoint.open(newer, key);
    done.add(
        key == null
            ? "checkpoints: NOT checked for signatures (no --key given)"
            : "checkpoints: both signed by " + key.name());
    if (!old.origin().equals(now.origin())) {
      throw new ProofInvalid(
          "the checkpoints are of different logs: '"
              + old.origin()
              + "' and '"
              + now.origin()
              + "'");
    }
    if (proof.from() != old.size() || proof.to() != now.size()) {
      throw new ProofInvalid(
          "the proof is from "
              + proof.from()
              + " to "
              + proof.to()
              + " leaves but the checkpoints are of "
              + old.size()
              + " and "
              + now.size()
              + ": fetch it with from="
              + old.size()
              + "&to="
              + now.size());
    }
    ProofVerifier.verifyConsistency(
        old.size(), now.size(), proof.hashes(), old.rootHash(), now.rootHash());
    done.add(
        "consistency: the tree of "
            + now.size()
            + " leaves extends the tree of "
            + old.size()
            + " leaves (the log only grew)");
    return done;
  }

  private static void checkColumns(LeafDocument leaf, AuditLeaf record) {
    Map<String, String> columns = leaf.columns();
    if (columns == null
        || !columns.keySet().equals(new java.util.HashSet<>(AuditLeaf.DECISION_COLUMNS))) {
      throw new ProofInvalid(
          "a decision's leaf document must give exactly the columns "
              + AuditLeaf.DECISION_COLUMNS
              + " but gave "
              + (columns == null ? "none" : columns.keySet()));
    }
    String[] values = AuditLeaf.DECISION_COLUMNS.stream().map(columns::get).toArray(String[]::new);
    String contentHash = FieldHash.of(values);
    if (!contentHash.equals(record.contentHash())) {
      throw new ProofInvalid(
          "decision "
              + record.subjectId()
              + " was altered: its columns hash to "
              + contentHash
              + " but its audit record sealed "
              + record.contentHash());
    }
    if (!record.subjectId().equals(columns.get("id"))
        || !Long.toString(record.sequence()).equals(columns.get("sequence"))) {
      throw new ProofInvalid(
          "the decision row (id "
              + columns.get("id")
              + ", sequence "
              + columns.get("sequence")
              + ") is not the one audit record "
              + record.sequence()
              + " seals ("
              + record.subjectId()
              + ")");
    }
  }

  /** The text of a note without its signatures (for an unsigned check). */
  private static String body(String note) {
    int split = note.indexOf("\n\n");
    return split < 0 ? note : note.substring(0, split + 1);
  }
}

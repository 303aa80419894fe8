package io.fulcrum.admin.rest;

import io.fulcrum.admin.application.DecisionLeaf;
import io.fulcrum.admin.application.LogProofs;
import io.fulcrum.engine.transparency.AuditLeaf;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** JSON bodies of the decision log endpoints (hashes in base64, as in checkpoints). */
public final class DecisionLogViews {

  private DecisionLogViews() {}

  /** {@code GET /audit/proof/inclusion}: what {@code fulcrum audit verify-decision} reads. */
  public record InclusionProof(
      String decisionId, long leafIndex, long treeSize, List<String> hashes) {
    static InclusionProof of(LogProofs.Inclusion p) {
      return new InclusionProof(p.decisionId(), p.leafIndex(), p.treeSize(), base64(p.hashes()));
    }
  }

  /** {@code GET /audit/proof/consistency}: what {@code fulcrum audit verify-consistency} reads. */
  public record ConsistencyProof(long from, long to, List<String> hashes) {
    static ConsistencyProof of(LogProofs.Consistency p) {
      return new ConsistencyProof(p.from(), p.to(), base64(p.hashes()));
    }
  }

  /** The audit record fields a leaf is made of. */
  public record Record(
      long sequence,
      String kind,
      String subjectId,
      String contentHash,
      String previousHash,
      String recordedAt,
      String recordedBy,
      String recordHash) {}

  /**
   * {@code GET /audit/leaf}: a decision's stored row, its audit record, and the leaf bytes and leaf
   * hash they make.
   */
  public record Leaf(
      String format,
      String decisionId,
      long leafIndex,
      String leaf,
      String leafHash,
      Record record,
      Map<String, String> columns) {
    static Leaf of(DecisionLeaf d) {
      AuditLeaf l = d.leaf();
      return new Leaf(
          AuditLeaf.FORMAT,
          d.decisionId(),
          l.leafIndex(),
          Base64.getEncoder().encodeToString(l.bytes()),
          HexFormat.of().formatHex(l.leafHash()),
          new Record(
              l.sequence(),
              l.kind(),
              l.subjectId(),
              l.contentHash(),
              l.previousHash(),
              l.recordedAt(),
              l.recordedBy(),
              l.recordHash()),
          d.columns());
    }
  }

  private static List<String> base64(List<byte[]> hashes) {
    return hashes.stream().map(h -> Base64.getEncoder().encodeToString(h)).toList();
  }
}

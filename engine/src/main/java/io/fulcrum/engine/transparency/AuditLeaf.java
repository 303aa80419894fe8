package io.fulcrum.engine.transparency;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The leaf of the decision log for one audit record: the record's fields as UTF-8 text lines
 *
 * <pre>
 * fulcrum-audit-record/1
 * sequence 17
 * kind DECISION
 * subject 1f3c...
 * content &lt;hex SHA-256 of the sealed row's columns&gt;
 * previous &lt;hex record hash of record 16&gt;
 * recorded-at 2026-11-30T13:00:00.123Z
 * recorded-by decider
 * record &lt;hex record hash&gt;
 * </pre>
 *
 * each line ending in {@code \n}. The record hash is {@link FieldHash} of (sequence, kind, subject,
 * content, previous, recorded-at, recorded-by), so the leaf binds the hash chain too. Leaf index =
 * sequence - 1. For a decision, {@code content} is {@link FieldHash} of its stored columns in
 * {@link #DECISION_COLUMNS} order, so anyone holding the row recomputes the leaf.
 */
public record AuditLeaf(
    long sequence,
    String kind,
    String subjectId,
    String contentHash,
    String previousHash,
    String recordedAt,
    String recordedBy,
    String recordHash) {

  /** The first line, naming the leaf format. */
  public static final String FORMAT = "fulcrum-audit-record/1";

  /** The kind of a decision's record. */
  public static final String DECISION = "DECISION";

  /** The stored decision columns its content hash covers, in order. */
  public static final List<String> DECISION_COLUMNS =
      List.of(
          "id",
          "sequence",
          "createdAt",
          "createdBy",
          "idempotencyKey",
          "requestHash",
          "accountId",
          "policyId",
          "policyVersion",
          "policyHash",
          "status",
          "asOf",
          "decisionHash",
          "requestJson",
          "decisionJson");

  public AuditLeaf {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be >= 1 but was " + sequence);
    }
  }

  /** Leaf index in the tree: records are leaves in chain order from 0. */
  public long leafIndex() {
    return sequence - 1;
  }

  /** The leaf bytes, as above. */
  public byte[] bytes() {
    String text =
        FORMAT
            + "\nsequence "
            + sequence
            + "\nkind "
            + kind
            + "\nsubject "
            + subjectId
            + "\ncontent "
            + contentHash
            + "\nprevious "
            + previousHash
            + "\nrecorded-at "
            + recordedAt
            + "\nrecorded-by "
            + recordedBy
            + "\nrecord "
            + recordHash
            + "\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code SHA-256(0x00 || bytes())}. */
  public byte[] leafHash() {
    return MerkleHash.leaf(bytes());
  }

  /** What the record hash must be for the other fields. */
  public String expectedRecordHash() {
    return FieldHash.of(
        Long.toString(sequence),
        kind,
        subjectId,
        contentHash,
        previousHash,
        recordedAt,
        recordedBy);
  }
}

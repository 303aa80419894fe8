package io.fulcrum.admin.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Read access to the audit chain and the rows it seals, for verification. */
public interface AuditChain {

  /** Up to {@code limit} links with sequence greater than {@code afterSequence}, in order. */
  List<ChainLink> links(long afterSequence, int limit);

  /** The sequence and hash the chain head row names. */
  Head head();

  /**
   * The content hash of each subject's row as it is stored now, recomputed; a subject whose row is
   * missing is absent from the map.
   */
  Map<String, String> currentContentHashes(String kind, Set<String> subjectIds);

  /**
   * In one transaction, with the head row locked so that nothing is appended meanwhile: the head,
   * the lowest-numbered row above it of each chained table (audit records, decisions, policy
   * events) that has one, and every policy version and policy event row. Verification starts from
   * this, so decisions appended while it walks are neither missed nor mistaken for rows above the
   * head.
   */
  Snapshot snapshot();

  /**
   * The first row of {@code kind}'s table at or below {@code upToSequence} that the audit record at
   * its sequence does not name (a row inserted outside the chain), if any.
   */
  Optional<StoredRow> firstUnsealed(String kind, long upToSequence);

  record Head(long sequence, String hash) {}

  /**
   * @param rowsAbove rows the chain cannot cover, lowest first
   * @param versions every policy version row, as stored
   * @param events every policy event row, as stored, in sequence order
   */
  record Snapshot(
      Head head,
      List<StoredRow> rowsAbove,
      List<PolicyVersion> versions,
      List<PolicyEvent> events) {
    public Snapshot {
      rowsAbove = List.copyOf(rowsAbove);
      versions = List.copyOf(versions);
      events = List.copyOf(events);
    }
  }

  /**
   * A row of a chained table, named for a report.
   *
   * @param kind {@link ChainLink#DECISION}, {@link #POLICY_EVENT} or {@link #AUDIT_RECORD}
   */
  record StoredRow(String kind, long sequence, String id) {

    public static final String POLICY_EVENT = "POLICY_EVENT";
    public static final String AUDIT_RECORD = "AUDIT_RECORD";

    /** "decision 1f3c...", "policy event 9a0b...", "audit record 17". */
    public String describe() {
      return switch (kind) {
        case ChainLink.DECISION -> "decision " + id;
        case POLICY_EVENT -> "policy event " + id;
        default -> "audit record " + sequence;
      };
    }
  }
}

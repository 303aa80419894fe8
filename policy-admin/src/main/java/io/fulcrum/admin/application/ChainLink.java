package io.fulcrum.admin.application;

import java.time.Instant;

/**
 * One record of the audit chain as stored.
 *
 * @param kind what the subject is ({@link #DECISION}; policy lifecycle kinds join later)
 * @param contentHash the subject's content hash when it was appended
 */
public record ChainLink(
    long sequence,
    String kind,
    String subjectId,
    String contentHash,
    String previousHash,
    String recordHash,
    Instant recordedAt,
    String recordedBy) {

  public static final String DECISION = "DECISION";

  /** What {@link #recordHash} must be for the stored fields. */
  public String expectedRecordHash() {
    return ContentHash.of(
        Long.toString(sequence), kind, subjectId, contentHash, previousHash, recordedAt.toString(),
        recordedBy);
  }
}

package io.fulcrum.admin.application;

import io.fulcrum.engine.support.Instants;
import java.time.Instant;

/**
 * One record of the audit chain as stored.
 *
 * @param kind what the subject is: {@link #DECISION}, or a policy lifecycle event ({@link
 *     #POLICY_PREFIX} + action, e.g. {@code POLICY_APPROVE})
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

  /** Prefix of the kinds of policy lifecycle events (the subject is the event's id). */
  public static final String POLICY_PREFIX = "POLICY_";

  /** The family whose rows a kind's subjects are: {@link #DECISION} or {@link #POLICY_PREFIX}. */
  public static String family(String kind) {
    return kind != null && kind.startsWith(POLICY_PREFIX) ? POLICY_PREFIX : kind;
  }

  /** What {@link #recordHash} must be for the stored fields. */
  public String expectedRecordHash() {
    return ContentHash.of(
        Long.toString(sequence),
        kind,
        subjectId,
        contentHash,
        previousHash,
        Instants.format(recordedAt),
        recordedBy);
  }
}

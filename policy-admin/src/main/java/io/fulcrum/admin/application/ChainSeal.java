package io.fulcrum.admin.application;

/**
 * Whether one stored row is covered by the audit chain, checked on every read that serves or uses
 * it: its chain position is at or below the head, the record there names it with the content hash
 * it has now, that record's own hash matches its fields, and the next record (or the head) links to
 * it. A full walk is {@link AuditVerification}'s job; this check costs two record reads.
 */
public final class ChainSeal {

  private ChainSeal() {}

  /**
   * @param what how to name the row in the problem ("decision 1f3c...")
   * @param link the record at the row's sequence, or null if there is none
   * @param next the record after it, or null if there is none
   * @return the problem, or null when the row is covered
   */
  public static String problem(
      String what,
      String kind,
      String subjectId,
      long sequence,
      String contentHash,
      ChainLink link,
      ChainLink next,
      AuditChain.Head head) {
    if (sequence > head.sequence()) {
      return what
          + " is stored at sequence "
          + sequence
          + ", above the chain head "
          + head.sequence();
    }
    if (link == null) {
      return what + " is stored at sequence " + sequence + ", where the chain has no record";
    }
    if (!link.kind().equals(kind) || !link.subjectId().equals(subjectId)) {
      return what
          + " is stored at sequence "
          + sequence
          + ", but the chain's record there is for "
          + link.kind()
          + " "
          + link.subjectId();
    }
    if (!link.contentHash().equals(contentHash)) {
      return what + " was altered after it was stored (its content no longer matches its seal)";
    }
    if (!link.expectedRecordHash().equals(link.recordHash())) {
      return "the audit record sealing " + what + " was edited";
    }
    String following =
        sequence == head.sequence() ? head.hash() : next == null ? null : next.previousHash();
    if (!link.recordHash().equals(following)) {
      return "the audit record sealing " + what + " is not linked into the chain";
    }
    return null;
  }
}

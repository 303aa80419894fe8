package io.fulcrum.admin.application;

/**
 * The result of checking the audit chain from its first record to its head.
 *
 * @param intact true when every link and every sealed row checks
 * @param checkedRecords how many records were checked before the end or the first break
 * @param headSequence the head as stored (publish {@code headHash} elsewhere to anchor the chain)
 * @param firstBroken the first problem found, or null
 * @param treeSize leaves of the Merkle tree recomputed from the records checked
 * @param treeRoot hex root of that tree
 * @param checkpointSize tree size of the latest signed checkpoint, or null when none is stored
 */
public record ChainReport(
    boolean intact,
    long checkedRecords,
    long headSequence,
    String headHash,
    BrokenLink firstBroken,
    long treeSize,
    String treeRoot,
    Long checkpointSize) {

  /**
   * @param sequence the chain position of the problem
   * @param kind the kind of subject ({@code DECISION}), or null when the problem is the chain
   *     itself
   * @param subjectId the subject row concerned (a decision id), or null
   */
  public record BrokenLink(long sequence, String kind, String subjectId, String problem) {}
}

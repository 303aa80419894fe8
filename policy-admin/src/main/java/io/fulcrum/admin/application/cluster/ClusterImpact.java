package io.fulcrum.admin.application.cluster;

import java.util.List;

/**
 * The impact of a candidate version over a book computed by one or several cluster members.
 *
 * @param members members the book was partitioned across (1: the single-member run)
 * @param ranges the account ranges, in order, with the member each was assigned to and the one that
 *     computed it
 * @param decideSeconds wall-clock seconds until every range's cells were in
 * @param totalSeconds wall-clock seconds of the whole request (compiling, deciding, assembling,
 *     explaining the listed cells)
 * @param reportSha256 SHA-256 (hex) of the UTF-8 bytes of {@code report}
 * @param report {@code fulcrum impact}'s JSON report (100 changed cells listed, as the evidence job
 *     stores it) with {@code timingsSeconds} empty: equal for equal inputs, whatever the members
 */
public record ClusterImpact(
    String baseline,
    String candidate,
    String book,
    int accounts,
    int marketStates,
    int members,
    List<RangeRun> ranges,
    double decideSeconds,
    double totalSeconds,
    String reportSha256,
    String report) {

  public ClusterImpact {
    ranges = List.copyOf(ranges);
  }

  /**
   * One account range [{@code fromAccount}, {@code toAccount}).
   *
   * @param assignedTo the member (data grid address) it was sent to
   * @param computedBy the member whose cells were used
   * @param seconds how long computing it took there
   * @param note null, or why the coordinator computed it instead (member left, timed out, failed)
   */
  public record RangeRun(
      int range,
      int fromAccount,
      int toAccount,
      String assignedTo,
      String computedBy,
      double seconds,
      String note) {}
}

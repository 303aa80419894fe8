package io.fulcrum.admin.application;

import io.fulcrum.engine.decision.PolicyStamp;
import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of re-evaluating a stored decision's inputs under its policy version.
 *
 * @param policyContentMatches whether the bundle available now has the stored bundle hash; when
 *     false the version was changed in place and the replay cannot be exact
 * @param identical whether the replayed decision (figures and explanation) is byte-identical
 * @param differences what differs between the stored and the replayed decision, results and
 *     explanation ({@link io.fulcrum.engine.compare.DecisionComparison}), at most {@link #LIMIT}
 */
public record ReplayReport(
    String decisionId,
    PolicyStamp storedPolicy,
    String replayedPolicyHash,
    boolean policyContentMatches,
    boolean identical,
    boolean explanationIdentical,
    String storedDecisionHash,
    String replayedDecisionHash,
    List<Difference> differences) {

  /** At most this many differences are reported. */
  public static final int LIMIT = 100;

  /**
   * One difference, e.g. path {@code positions[BTCUSDT].maintenanceMargin}.
   *
   * @param kind {@code CHANGED}, {@code ADDED} (only the replay has it) or {@code REMOVED}
   * @param stored the stored decision's value, null when absent
   * @param replayed the replayed decision's value, null when absent
   * @param delta {@code replayed - stored} when both are numbers
   */
  public record Difference(
      String path,
      io.fulcrum.engine.compare.Difference.Kind kind,
      Object stored,
      Object replayed,
      BigDecimal delta) {

    static Difference of(io.fulcrum.engine.compare.Difference d) {
      return new Difference(d.path(), d.kind(), d.before(), d.after(), d.delta());
    }
  }
}

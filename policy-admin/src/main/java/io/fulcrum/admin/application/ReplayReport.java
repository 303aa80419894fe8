package io.fulcrum.admin.application;

import io.fulcrum.engine.decision.PolicyStamp;
import java.util.List;

/**
 * The outcome of re-evaluating a stored decision's inputs under its policy version.
 *
 * @param policyContentMatches whether the bundle available now has the stored bundle hash; when
 *     false the version was changed in place and the replay cannot be exact
 * @param identical whether the replayed decision (figures and explanation) is byte-identical
 * @param differences JSON paths whose values differ (at most {@link JsonDifferences#LIMIT})
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
    List<JsonDifferences.Difference> differences) {}

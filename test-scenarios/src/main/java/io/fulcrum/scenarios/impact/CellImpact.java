package io.fulcrum.scenarios.impact;

import io.fulcrum.engine.compare.Difference;
import io.fulcrum.engine.decision.DecisionStatus;
import java.math.BigDecimal;
import java.util.List;

/**
 * One account in one market state under both versions. Figures are null when that version failed to
 * decide ({@link #failure} says why).
 *
 * @param differences what {@link io.fulcrum.engine.compare.DecisionComparison#RESULTS} finds, e.g.
 *     {@code maintenanceMargin: 1340 -> 1375}; empty if the decisions agree
 * @param failure why a version could not decide ({@code baseline: ...}, {@code candidate: ...}), or
 *     null
 * @param policyFault true when a version failed because of the policy (e.g. a decision-table gap)
 */
public record CellImpact(
    int account,
    int state,
    String accountId,
    DecisionStatus baselineStatus,
    DecisionStatus candidateStatus,
    BigDecimal baselineInitial,
    BigDecimal candidateInitial,
    BigDecimal baselineMaintenance,
    BigDecimal candidateMaintenance,
    List<Difference> differences,
    String failure,
    boolean policyFault) {

  public CellImpact {
    differences = List.copyOf(differences);
  }

  public boolean changed() {
    return !differences.isEmpty();
  }

  /** The kinds of change in this cell. */
  public java.util.Set<ChangeKind> kinds() {
    java.util.EnumSet<ChangeKind> kinds = java.util.EnumSet.noneOf(ChangeKind.class);
    differences.forEach(d -> kinds.add(ChangeKind.of(d)));
    return kinds;
  }

  public boolean failed() {
    return failure != null;
  }

  public boolean statusChanged() {
    return baselineStatus != candidateStatus;
  }

  public BigDecimal maintenanceChange() {
    return candidateMaintenance.subtract(baselineMaintenance);
  }

  public BigDecimal initialChange() {
    return candidateInitial.subtract(baselineInitial);
  }
}

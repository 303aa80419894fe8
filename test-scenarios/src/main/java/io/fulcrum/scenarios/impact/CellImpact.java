package io.fulcrum.scenarios.impact;

import io.fulcrum.engine.decision.DecisionStatus;
import java.math.BigDecimal;
import java.util.List;

/**
 * One account in one market state under both versions. Figures are null when that version failed to
 * decide ({@link #failure} says why).
 *
 * @param differences changed fields, e.g. {@code maintenanceMargin: 1340 -> 1375}; empty if the
 *     decisions agree
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
    List<String> differences,
    String failure) {

  public CellImpact {
    differences = List.copyOf(differences);
  }

  public boolean changed() {
    return !differences.isEmpty();
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

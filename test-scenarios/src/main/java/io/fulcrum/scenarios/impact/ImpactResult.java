package io.fulcrum.scenarios.impact;

import io.fulcrum.engine.compare.Difference;
import io.fulcrum.engine.decision.PolicyStamp;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The impact of a candidate policy version against a baseline over a book.
 *
 * @param totals per market state (suite order), the summed initial and maintenance margin of the
 *     cells both versions decided, with the count of failed cells left out
 * @param summary changes by kind (status transitions, accounts whose IM, MM, liquidation price,
 *     flags or only parameters changed)
 * @param changes changed cells, status changes first, then by absolute maintenance change (largest
 *     first), then account and market order
 * @param explained explanation differences ({@link
 *     io.fulcrum.engine.compare.DecisionComparison#explanations}: table rows changed, then steps
 *     only the baseline has, then steps only the candidate has) for the first {@code explainLimit}
 *     changed cells, by index into {@code changes}
 * @param failures cells one of the versions could not decide
 * @param timings wall-clock seconds per phase (decide, explain, total)
 */
public record ImpactResult(
    String suite,
    PolicyStamp baseline,
    PolicyStamp candidate,
    int accounts,
    List<String> marketStates,
    List<StateTotals> totals,
    ChangeSummary summary,
    List<CellImpact> changes,
    Map<Integer, List<Difference>> explained,
    List<CellImpact> failures,
    double[] maintenanceChanges,
    Map<String, Double> timings) {

  public ImpactResult {
    marketStates = List.copyOf(marketStates);
    totals = List.copyOf(totals);
    changes = List.copyOf(changes);
    explained = Map.copyOf(explained);
    failures = List.copyOf(failures);
    timings = Map.copyOf(timings);
  }

  public int cells() {
    return accounts * marketStates.size();
  }

  public long changedAccounts() {
    return changes.stream().map(CellImpact::accountId).distinct().count();
  }

  public long statusChanges() {
    return changes.stream().filter(CellImpact::statusChanged).count();
  }

  /** True when a version failed to decide at least one cell. */
  public boolean hasFailures() {
    return !failures.isEmpty();
  }

  /** True when a failed cell is the fault of a policy (e.g. a decision-table gap). */
  public boolean hasPolicyFaults() {
    return failures.stream().anyMatch(CellImpact::policyFault);
  }

  public boolean isEmpty() {
    return changes.isEmpty() && failures.isEmpty();
  }

  /**
   * Book totals in one market state over the cells both versions decided; {@code failedCells} were
   * left out.
   */
  public record StateTotals(
      String state,
      BigDecimal baselineInitial,
      BigDecimal candidateInitial,
      BigDecimal baselineMaintenance,
      BigDecimal candidateMaintenance,
      int changedAccounts,
      int failedCells) {

    public BigDecimal initialChange() {
      return candidateInitial.subtract(baselineInitial);
    }

    public BigDecimal maintenanceChange() {
      return candidateMaintenance.subtract(baselineMaintenance);
    }
  }
}

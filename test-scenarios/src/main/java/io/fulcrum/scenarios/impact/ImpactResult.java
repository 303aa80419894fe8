package io.fulcrum.scenarios.impact;

import io.fulcrum.engine.decision.PolicyStamp;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The impact of a candidate policy version against a baseline over a book.
 *
 * @param totals per market state (suite order), the summed initial and maintenance margin
 * @param changes changed cells, status changes first, then by absolute maintenance change (largest
 *     first), then account and market order
 * @param explained explanation differences for the first {@code explainLimit} changed cells, by
 *     index into {@code changes}
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
    List<CellImpact> changes,
    Map<Integer, ExplanationDiff> explained,
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

  public boolean isEmpty() {
    return changes.isEmpty() && failures.isEmpty();
  }

  /** Book totals in one market state; the decided cells only. */
  public record StateTotals(
      String state,
      BigDecimal baselineInitial,
      BigDecimal candidateInitial,
      BigDecimal baselineMaintenance,
      BigDecimal candidateMaintenance,
      int changedAccounts) {

    public BigDecimal initialChange() {
      return candidateInitial.subtract(baselineInitial);
    }

    public BigDecimal maintenanceChange() {
      return candidateMaintenance.subtract(baselineMaintenance);
    }
  }
}

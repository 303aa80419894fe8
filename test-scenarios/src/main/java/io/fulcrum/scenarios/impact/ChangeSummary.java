package io.fulcrum.scenarios.impact;

import io.fulcrum.engine.decision.DecisionStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What kind of change a candidate makes to a book, for a reviewer who cannot read 100,000 rows.
 *
 * @param statusTransitions decided cells by baseline status, then candidate status (unchanged cells
 *     on the diagonal)
 * @param accountsByKind accounts with at least one cell changed in that kind (an account counts
 *     under every kind it has)
 * @param accountsOnlyParameters accounts whose only changes are decision-table parameters (no
 *     figure, status or flag moved)
 * @param failedCells cells a version could not decide (not in any total)
 * @param failedAccounts accounts with at least one failed cell
 */
public record ChangeSummary(
    SortedMap<DecisionStatus, SortedMap<DecisionStatus, Long>> statusTransitions,
    Map<ChangeKind, Long> accountsByKind,
    long accountsOnlyParameters,
    long failedCells,
    long failedAccounts) {

  public ChangeSummary {
    SortedMap<DecisionStatus, SortedMap<DecisionStatus, Long>> copy = new TreeMap<>();
    statusTransitions.forEach(
        (k, v) -> copy.put(k, Collections.unmodifiableSortedMap(new TreeMap<>(v))));
    statusTransitions = Collections.unmodifiableSortedMap(copy);
    EnumMap<ChangeKind, Long> kinds = new EnumMap<>(ChangeKind.class);
    for (ChangeKind k : ChangeKind.values()) {
      kinds.put(k, accountsByKind.getOrDefault(k, 0L));
    }
    accountsByKind = Collections.unmodifiableMap(kinds);
  }

  /**
   * Summarises {@code cells} in account-major order ({@code states} cells per account, as the
   * runner produces them).
   */
  public static ChangeSummary of(List<CellImpact> cells, int states) {
    SortedMap<DecisionStatus, SortedMap<DecisionStatus, Long>> transitions = new TreeMap<>();
    EnumMap<ChangeKind, Long> byKind = new EnumMap<>(ChangeKind.class);
    long onlyParameters = 0;
    long failedCells = 0;
    long failedAccounts = 0;
    for (int start = 0; start < cells.size(); start += states) {
      Set<ChangeKind> kinds = EnumSet.noneOf(ChangeKind.class);
      boolean failed = false;
      for (int i = start; i < Math.min(cells.size(), start + states); i++) {
        CellImpact c = cells.get(i);
        if (c.failed()) {
          failedCells++;
          failed = true;
          continue;
        }
        transitions
            .computeIfAbsent(c.baselineStatus(), k -> new TreeMap<>())
            .merge(c.candidateStatus(), 1L, Long::sum);
        kinds.addAll(c.kinds());
      }
      if (failed) {
        failedAccounts++;
      }
      kinds.forEach(k -> byKind.merge(k, 1L, Long::sum));
      if (kinds.equals(EnumSet.of(ChangeKind.PARAMETERS))) {
        onlyParameters++;
      }
    }
    return new ChangeSummary(transitions, byKind, onlyParameters, failedCells, failedAccounts);
  }

  /** Decided cells whose status changed. */
  public long statusChanges() {
    long n = 0;
    for (var row : statusTransitions.entrySet()) {
      for (var cell : row.getValue().entrySet()) {
        if (cell.getKey() != row.getKey()) {
          n += cell.getValue();
        }
      }
    }
    return n;
  }
}

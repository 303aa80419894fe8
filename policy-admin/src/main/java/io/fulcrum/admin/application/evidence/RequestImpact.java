package io.fulcrum.admin.application.evidence;

import io.fulcrum.engine.compare.DecisionComparison;
import io.fulcrum.engine.compare.Difference;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.runtime.DecisionBatch;
import io.fulcrum.scenarios.impact.CellImpact;
import io.fulcrum.scenarios.impact.ChangeSummary;
import io.fulcrum.scenarios.impact.ImpactResult;
import io.fulcrum.scenarios.impact.ImpactRunner;
import io.fulcrum.scenarios.run.CellResult;
import io.fulcrum.scenarios.run.Progress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Impact over explicit requests (the stored requests of live decisions), each its own account in
 * one market state: what {@link io.fulcrum.scenarios.impact.ImpactRunner} computes over a book,
 * cell for cell (same comparison, order, totals, summary and explanation diffs), for requests that
 * do not form an accounts x market states grid. EvidenceImpactTest checks that both agree on a book
 * whose accounts share one market.
 */
public final class RequestImpact {

  static final int BLOCK = 4096;

  static final Comparator<CellImpact> REPORT_ORDER =
      Comparator.comparing((CellImpact c) -> !c.statusChanged())
          .thenComparing(c -> c.maintenanceChange().abs(), Comparator.reverseOrder())
          .thenComparingInt(CellImpact::account)
          .thenComparingInt(CellImpact::state);

  private RequestImpact() {}

  public static ImpactResult run(
      String name,
      String state,
      List<MarginRequest> requests,
      CompiledPolicy baseline,
      CompiledPolicy candidate,
      MarketDataSets marketData,
      int threads,
      int explainLimit,
      Progress progress) {
    long start = System.nanoTime();
    List<CellImpact> cells = new ArrayList<>(requests.size());
    try (DecisionBatch batch = DecisionBatch.onThreads(threads)) {
      for (int from = 0; from < requests.size(); from += BLOCK) {
        List<MarginRequest> block = requests.subList(from, Math.min(requests.size(), from + BLOCK));
        // Unexplained and unhashed, as ImpactRunner decides its cells.
        List<CellResult> x = CellResult.decideAll(batch, baseline, block, marketData, false, false);
        List<CellResult> y =
            CellResult.decideAll(batch, candidate, block, marketData, false, false);
        for (int i = 0; i < block.size(); i++) {
          cells.add(ImpactRunner.compare(from + i, 0, block.get(i).account(), x.get(i), y.get(i)));
        }
        progress.advance(block.size());
      }
    }
    double decideSeconds = (System.nanoTime() - start) / 1e9;
    List<CellImpact> changes = new ArrayList<>();
    List<CellImpact> failures = new ArrayList<>();
    for (CellImpact c : cells) {
      if (c.failed()) {
        failures.add(c);
      } else if (c.changed()) {
        changes.add(c);
      }
    }
    changes.sort(REPORT_ORDER);
    long explainStart = System.nanoTime();
    int n = Math.min(explainLimit, changes.size());
    List<MarginRequest> explainRequests = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      explainRequests.add(requests.get(changes.get(i).account()));
    }
    Map<Integer, List<Difference>> explained = new TreeMap<>();
    try (DecisionBatch batch = DecisionBatch.onThreads(threads)) {
      List<CellResult> xs =
          CellResult.decideAll(batch, baseline, explainRequests, marketData, true);
      List<CellResult> ys =
          CellResult.decideAll(batch, candidate, explainRequests, marketData, true);
      for (int i = 0; i < n; i++) {
        explained.put(
            i,
            xs.get(i) instanceof CellResult.Decided dx && ys.get(i) instanceof CellResult.Decided dy
                ? DecisionComparison.explanations(dx.decision(), dy.decision())
                : List.of());
      }
    }
    double explainSeconds = (System.nanoTime() - explainStart) / 1e9;
    Map<String, Double> timings = new LinkedHashMap<>();
    timings.put("decide", decideSeconds);
    timings.put("explain", explainSeconds);
    timings.put("total", (System.nanoTime() - start) / 1e9);
    return new ImpactResult(
        name,
        baseline.stamp(),
        candidate.stamp(),
        requests.size(),
        List.of(state),
        ImpactRunner.totals(List.of(state), cells),
        // Every stored request is its own account in one market state.
        ChangeSummary.of(cells, 1),
        changes,
        explained,
        failures,
        changes.stream().mapToDouble(c -> c.maintenanceChange().doubleValue()).toArray(),
        timings);
  }
}

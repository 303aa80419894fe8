package io.fulcrum.scenarios.impact;

import io.fulcrum.engine.compare.DecisionComparison;
import io.fulcrum.engine.compare.Difference;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.domain.Account;
import io.fulcrum.engine.domain.MarketSnapshot;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.scenarios.run.CellResult;
import io.fulcrum.scenarios.run.ParallelGrid;
import io.fulcrum.scenarios.run.Progress;
import io.fulcrum.scenarios.suite.Book;
import io.fulcrum.scenarios.suite.Suite;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Evaluates a baseline and a candidate policy on every account x market state of a suite. The book
 * pass decides without explanation (the expensive part of a decision is capturing it); only the
 * changed cells shown in detail are decided again with explanation, to list the rules and table
 * rows that fired differently.
 */
public final class ImpactRunner {

  private final int threads;
  private final int explainLimit;
  private final MarketDataSets marketData;

  /**
   * @param explainLimit how many changed cells to explain (the first in report order)
   */
  public ImpactRunner(int threads, int explainLimit) {
    this(threads, explainLimit, MarketDataSets.none().forRequests());
  }

  private ImpactRunner(int threads, int explainLimit, MarketDataSets marketData) {
    this.threads = threads;
    this.explainLimit = explainLimit;
    this.marketData = marketData;
  }

  /** This runner resolving {@code market.history.dataSet} references with {@code marketData}. */
  public ImpactRunner withMarketData(MarketDataSets marketData) {
    return new ImpactRunner(threads, explainLimit, marketData);
  }

  /**
   * Refuses to compare two different policies (every cell would differ for reasons unrelated to a
   * change of version) unless {@code allowDifferentPolicies}.
   *
   * @throws IllegalArgumentException naming both policies and the option that allows it
   */
  public static void requireSamePolicy(
      CompiledPolicy baseline, CompiledPolicy candidate, boolean allowDifferentPolicies) {
    String a = baseline.stamp().id();
    String b = candidate.stamp().id();
    if (!a.equals(b) && !allowDifferentPolicies) {
      throw new IllegalArgumentException(
          "baseline "
              + baseline.stamp().ref()
              + " and candidate "
              + candidate.stamp().ref()
              + " are different policies, not two versions of one: impact compares versions."
              + " Give --allow-different-policies to compare them anyway");
    }
  }

  public ImpactResult run(
      Suite suite, CompiledPolicy baseline, CompiledPolicy candidate, Progress progress) {
    long start = System.nanoTime();
    Book book = suite.book();
    List<MarketSnapshot> snapshots = suite.snapshots();
    int states = snapshots.size();
    List<CellImpact> cells =
        ParallelGrid.map(
            book.size() * states,
            threads,
            cell -> {
              int a = cell / states;
              int s = cell % states;
              return compare(a, s, book.account(a), baseline, candidate, snapshots.get(s));
            },
            progress);
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
    Map<Integer, List<Difference>> explained =
        explain(changes, book, snapshots, baseline, candidate);
    double explainSeconds = (System.nanoTime() - explainStart) / 1e9;

    Map<String, Double> timings = new LinkedHashMap<>();
    timings.put("decide", decideSeconds);
    timings.put("explain", explainSeconds);
    timings.put("total", (System.nanoTime() - start) / 1e9);
    double[] deltas =
        changes.stream().mapToDouble(c -> c.maintenanceChange().doubleValue()).toArray();
    return new ImpactResult(
        suite.name(),
        baseline.stamp(),
        candidate.stamp(),
        book.size(),
        suite.marketStates().stream().map(m -> m.name()).toList(),
        totals(suite, cells),
        ChangeSummary.of(cells, states),
        changes,
        explained,
        failures,
        deltas,
        timings);
  }

  static final Comparator<CellImpact> REPORT_ORDER =
      Comparator.comparing((CellImpact c) -> !c.statusChanged())
          .thenComparing(c -> c.maintenanceChange().abs(), Comparator.reverseOrder())
          .thenComparingInt(CellImpact::account)
          .thenComparingInt(CellImpact::state);

  private CellImpact compare(
      int a,
      int s,
      Account account,
      CompiledPolicy baseline,
      CompiledPolicy candidate,
      MarketSnapshot market) {
    CellResult x = CellResult.decide(baseline, account, market, marketData, false);
    CellResult y = CellResult.decide(candidate, account, market, marketData, false);
    if (x instanceof CellResult.Decided dx && y instanceof CellResult.Decided dy) {
      MarginDecision p = dx.decision();
      MarginDecision q = dy.decision();
      return new CellImpact(
          a,
          s,
          account.id(),
          p.status(),
          q.status(),
          p.initialMargin(),
          q.initialMargin(),
          p.maintenanceMargin(),
          q.maintenanceMargin(),
          DecisionComparison.RESULTS.between(p, q),
          null,
          false);
    }
    String why =
        (x instanceof CellResult.Failed f ? "baseline: " + f.reason() + " " : "")
            + (y instanceof CellResult.Failed f ? "candidate: " + f.reason() : "");
    boolean policyFault =
        (x instanceof CellResult.Failed f && f.policyFault())
            || (y instanceof CellResult.Failed g && g.policyFault());
    return new CellImpact(
        a,
        s,
        account.id(),
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        why.strip(),
        policyFault);
  }

  private Map<Integer, List<Difference>> explain(
      List<CellImpact> changes,
      Book book,
      List<MarketSnapshot> snapshots,
      CompiledPolicy baseline,
      CompiledPolicy candidate) {
    int n = Math.min(explainLimit, changes.size());
    List<List<Difference>> diffs =
        ParallelGrid.map(
            n,
            threads,
            i -> {
              CellImpact c = changes.get(i);
              Account account = book.account(c.account());
              CellResult x =
                  CellResult.decide(baseline, account, snapshots.get(c.state()), marketData, true);
              CellResult y =
                  CellResult.decide(candidate, account, snapshots.get(c.state()), marketData, true);
              if (x instanceof CellResult.Decided dx && y instanceof CellResult.Decided dy) {
                return DecisionComparison.explanations(dx.decision(), dy.decision());
              }
              return List.<Difference>of();
            },
            Progress.silent());
    Map<Integer, List<Difference>> out = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      out.put(i, diffs.get(i));
    }
    return out;
  }

  private static List<ImpactResult.StateTotals> totals(Suite suite, List<CellImpact> cells) {
    int states = suite.marketStates().size();
    List<ImpactResult.StateTotals> out = new ArrayList<>();
    for (int s = 0; s < states; s++) {
      BigDecimal bi = BigDecimal.ZERO;
      BigDecimal ci = BigDecimal.ZERO;
      BigDecimal bm = BigDecimal.ZERO;
      BigDecimal cm = BigDecimal.ZERO;
      Set<String> changed = new HashSet<>();
      int failed = 0;
      for (int i = s; i < cells.size(); i += states) {
        CellImpact c = cells.get(i);
        if (c.failed()) {
          failed++;
          continue;
        }
        bi = bi.add(c.baselineInitial());
        ci = ci.add(c.candidateInitial());
        bm = bm.add(c.baselineMaintenance());
        cm = cm.add(c.candidateMaintenance());
        if (c.changed()) {
          changed.add(c.accountId());
        }
      }
      out.add(
          new ImpactResult.StateTotals(
              suite.marketStates().get(s).name(), bi, ci, bm, cm, changed.size(), failed));
    }
    return out;
  }
}

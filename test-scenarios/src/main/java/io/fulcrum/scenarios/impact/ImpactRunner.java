package io.fulcrum.scenarios.impact;

import io.fulcrum.engine.compare.DecisionComparison;
import io.fulcrum.engine.compare.Difference;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.domain.Account;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.domain.MarketSnapshot;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.runtime.DecisionBatch;
import io.fulcrum.scenarios.run.CellResult;
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

  /** Accounts decided per batch call (times the market states). */
  static final int BLOCK_ACCOUNTS = 1024;

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

  /** {@link #assemble} of {@link #cells} over the whole book: the single-member run. */
  public ImpactResult run(
      Suite suite, CompiledPolicy baseline, CompiledPolicy candidate, Progress progress) {
    long start = System.nanoTime();
    List<CellImpact> cells = cells(suite, baseline, candidate, 0, suite.book().size(), progress);
    return assemble(suite, baseline, candidate, cells, (System.nanoTime() - start) / 1e9);
  }

  /**
   * The cells of the accounts {@code from} (inclusive) to {@code to} (exclusive) of the suite's
   * book, each in every market state, account-major ({@code states} cells per account, in suite
   * order). A cell depends only on its account, its market state and the two policies, so the cells
   * of contiguous ranges concatenated in range order are the cells of the whole range: this is what
   * lets a cluster compute a book in parts (README, "Cluster").
   *
   * @throws IllegalArgumentException when the range is not within the book
   */
  public List<CellImpact> cells(
      Suite suite,
      CompiledPolicy baseline,
      CompiledPolicy candidate,
      int from,
      int to,
      Progress progress) {
    Book book = suite.book();
    if (from < 0 || to < from || to > book.size()) {
      throw new IllegalArgumentException(
          "account range ["
              + from
              + ", "
              + to
              + ") must lie within the book's "
              + book.size()
              + " accounts");
    }
    List<MarketSnapshot> snapshots = suite.snapshots();
    int states = snapshots.size();
    List<CellImpact> cells = new ArrayList<>((to - from) * states);
    try (DecisionBatch batch = DecisionBatch.onThreads(threads)) {
      // Blocks of accounts, so that only one block's decisions are held at a time.
      for (int first = from; first < to; first += BLOCK_ACCOUNTS) {
        int last = Math.min(to, first + BLOCK_ACCOUNTS);
        List<MarginRequest> requests = new ArrayList<>((last - first) * states);
        for (int a = first; a < last; a++) {
          Account account = book.account(a);
          for (int s = 0; s < states; s++) {
            requests.add(new MarginRequest(account, snapshots.get(s)));
          }
        }
        // Unexplained and unhashed: a cell compares figures, never the decision's hash.
        List<CellResult> x =
            CellResult.decideAll(batch, baseline, requests, marketData, false, false);
        List<CellResult> y =
            CellResult.decideAll(batch, candidate, requests, marketData, false, false);
        for (int i = 0; i < requests.size(); i++) {
          int a = first + i / states;
          cells.add(compare(a, i % states, book.account(a), x.get(i), y.get(i)));
        }
        progress.advance(requests.size());
      }
    }
    return cells;
  }

  /**
   * The result over all cells of the book, in the order {@link #cells} gives them for the whole
   * book: changed cells sorted in {@link #REPORT_ORDER}, totals per market state, the first {@code
   * explainLimit} changed cells decided again with explanation. Whether the cells were computed in
   * one range or in several (on several members) cannot change the result.
   *
   * @param decideSeconds how long computing the cells took (the {@code decide} timing)
   * @throws IllegalArgumentException when the cells are not the book's, each account in every
   *     state, in order
   */
  public ImpactResult assemble(
      Suite suite,
      CompiledPolicy baseline,
      CompiledPolicy candidate,
      List<CellImpact> cells,
      double decideSeconds) {
    long start = System.nanoTime();
    Book book = suite.book();
    List<MarketSnapshot> snapshots = suite.snapshots();
    int states = snapshots.size();
    requireWholeBook(cells, book.size(), states);
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
    timings.put("total", decideSeconds + (System.nanoTime() - start) / 1e9);
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

  private static void requireWholeBook(List<CellImpact> cells, int accounts, int states) {
    if (cells.size() != accounts * states) {
      throw new IllegalArgumentException(
          "cells: "
              + cells.size()
              + " given, but the book has "
              + accounts
              + " accounts x "
              + states
              + " market states");
    }
    for (int i = 0; i < cells.size(); i++) {
      CellImpact c = cells.get(i);
      if (c.account() != i / states || c.state() != i % states) {
        throw new IllegalArgumentException(
            "cells["
                + i
                + "] must be account "
                + i / states
                + " in state "
                + i % states
                + " but was account "
                + c.account()
                + " in state "
                + c.state());
      }
    }
  }

  static final Comparator<CellImpact> REPORT_ORDER =
      Comparator.comparing((CellImpact c) -> !c.statusChanged())
          .thenComparing(c -> c.maintenanceChange().abs(), Comparator.reverseOrder())
          .thenComparingInt(CellImpact::account)
          .thenComparingInt(CellImpact::state);

  /**
   * One cell: account {@code a} (index in its book) in market state {@code s}, decided by the
   * baseline ({@code x}) and the candidate ({@code y}); a failure on either side is the cell's.
   */
  public static CellImpact compare(int a, int s, Account account, CellResult x, CellResult y) {
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
    List<MarginRequest> requests = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      CellImpact c = changes.get(i);
      requests.add(new MarginRequest(book.account(c.account()), snapshots.get(c.state())));
    }
    List<CellResult> xs;
    List<CellResult> ys;
    try (DecisionBatch batch = DecisionBatch.onThreads(threads)) {
      xs = CellResult.decideAll(batch, baseline, requests, marketData, true);
      ys = CellResult.decideAll(batch, candidate, requests, marketData, true);
    }
    Map<Integer, List<Difference>> out = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      out.put(
          i,
          xs.get(i) instanceof CellResult.Decided dx && ys.get(i) instanceof CellResult.Decided dy
              ? DecisionComparison.explanations(dx.decision(), dy.decision())
              : List.of());
    }
    return out;
  }

  private static List<ImpactResult.StateTotals> totals(Suite suite, List<CellImpact> cells) {
    return totals(suite.marketStates().stream().map(m -> m.name()).toList(), cells);
  }

  /**
   * Margin totals and changed and failed counts per market state, of {@code cells} in account-major
   * order ({@code stateNames.size()} cells per account, as {@link #cells} gives).
   */
  public static List<ImpactResult.StateTotals> totals(
      List<String> stateNames, List<CellImpact> cells) {
    int states = stateNames.size();
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
          new ImpactResult.StateTotals(stateNames.get(s), bi, ci, bm, cm, changed.size(), failed));
    }
    return out;
  }
}

package io.fulcrum.scenarios.regress;

import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.domain.MarketSnapshot;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.runtime.DecisionBatch;
import io.fulcrum.scenarios.run.CellResult;
import io.fulcrum.scenarios.run.Progress;
import io.fulcrum.scenarios.suite.Book;
import io.fulcrum.scenarios.suite.Expectation;
import io.fulcrum.scenarios.suite.MarketState;
import io.fulcrum.scenarios.suite.Suite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a suite against one compiled policy: every account in every market state, in parallel,
 * results in suite order. Written accounts are decided with explanation (expectations may ask which
 * rules fired); generated ones without. A cell the policy cannot decide is a failure.
 */
public final class RegressionRunner {

  /** Cells decided per batch call. */
  static final int BLOCK_CELLS = 4096;

  private final int threads;
  private final MarketDataSets marketData;

  public RegressionRunner(int threads) {
    this(threads, MarketDataSets.none().forRequests());
  }

  private RegressionRunner(int threads, MarketDataSets marketData) {
    this.threads = threads;
    this.marketData = marketData;
  }

  /** This runner resolving {@code market.history.dataSet} references with {@code marketData}. */
  public RegressionRunner withMarketData(MarketDataSets marketData) {
    return new RegressionRunner(threads, marketData);
  }

  /**
   * Runs the suite.
   *
   * @throws io.fulcrum.engine.yaml.YamlFormatException at the expectation's line when it names a
   *     rule, metric, flag or parameter the policy does not define
   */
  public RegressionResult run(Suite suite, CompiledPolicy policy, Progress progress) {
    SuiteNames.check(suite, policy);
    long start = System.nanoTime();
    Book book = suite.book();
    List<MarketState> states = suite.marketStates();
    List<MarketSnapshot> snapshots = suite.snapshots();
    int written = suite.accounts().size();
    String version = policy.stamp().version();
    int cells = book.size() * states.size();
    List<CaseResult> cases = new ArrayList<>(cells);
    try (DecisionBatch batch = DecisionBatch.onThreads(threads)) {
      // Cells in account-major order, in blocks; a block never mixes written accounts (decided
      // with explanation) and generated ones.
      int explained = Math.min(written, book.size()) * states.size();
      for (int from = 0; from < cells; ) {
        int to = Math.min(from < explained ? explained : cells, from + BLOCK_CELLS);
        List<MarginRequest> requests = new ArrayList<>(to - from);
        for (int cell = from; cell < to; cell++) {
          requests.add(
              new MarginRequest(
                  book.account(cell / states.size()), snapshots.get(cell % states.size())));
        }
        List<CellResult> outcomes =
            CellResult.decideAll(batch, policy, requests, marketData, from < explained);
        for (int cell = from; cell < to; cell++) {
          var account = book.account(cell / states.size());
          String market = states.get(cell % states.size()).name();
          cases.add(
              judge(
                  suite,
                  account.id(),
                  market,
                  version,
                  policy.stamp().ref(),
                  outcomes.get(cell - from)));
        }
        progress.advance(to - from);
        from = to;
      }
    }
    return new RegressionResult(
        suite,
        policy.stamp().ref(),
        policy.stamp().hash(),
        cases,
        Duration.ofNanos(System.nanoTime() - start));
  }

  private static CaseResult judge(
      Suite suite,
      String account,
      String market,
      String version,
      String policy,
      CellResult outcome) {
    List<Expectation> here =
        suite.expectations().stream()
            .filter(e -> e.account().equals(account) && e.markets().contains(market))
            .toList();
    List<Expectation> applicable = here.stream().filter(e -> e.appliesTo(version)).toList();
    List<Expectation> skipped = here.stream().filter(e -> !e.appliesTo(version)).toList();
    if (outcome instanceof CellResult.Failed failed) {
      return new CaseResult(
          account,
          market,
          outcome,
          1,
          List.of(
              new Failure(
                  account,
                  market,
                  policy,
                  "decision",
                  "a decision",
                  "no decision: " + failed.reason(),
                  0)),
          skipped);
    }
    var decision = ((CellResult.Decided) outcome).decision();
    int checks = 0;
    List<Failure> failures = new ArrayList<>();
    for (Expectation e : applicable) {
      ExpectationChecker.Outcome o = ExpectationChecker.check(e, decision, market);
      checks += o.checks();
      failures.addAll(o.failures());
    }
    return new CaseResult(account, market, outcome, checks, failures, skipped);
  }
}

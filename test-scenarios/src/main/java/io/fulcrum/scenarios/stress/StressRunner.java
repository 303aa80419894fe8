package io.fulcrum.scenarios.stress;

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
import java.util.ArrayList;
import java.util.List;

/**
 * Decides every account of a book on the suite's base market and under each stress scenario (the
 * scenario's shock applied to the base market), and measures loss against posted margin. The
 * suite's own market states are not used: the scenarios take their place.
 */
public final class StressRunner {

  /** Accounts decided per batch call (times the scenarios plus one). */
  static final int BLOCK_ACCOUNTS = 1024;

  private final int threads;
  private final MarketDataSets marketData;

  public StressRunner(int threads) {
    this(threads, MarketDataSets.none().forRequests());
  }

  private StressRunner(int threads, MarketDataSets marketData) {
    this.threads = threads;
    this.marketData = marketData;
  }

  /**
   * This runner resolving {@code market.history.dataSet} references (and scenario histories) with
   * {@code marketData}.
   */
  public StressRunner withMarketData(MarketDataSets marketData) {
    return new StressRunner(threads, marketData);
  }

  public StressResult run(
      Suite book, CompiledPolicy policy, List<StressScenario> scenarios, Progress progress) {
    long start = System.nanoTime();
    Book accounts = book.book();
    MarketSnapshot base = book.baseMarket();
    List<MarketSnapshot> shocked = scenarios.stream().map(s -> s.shock().applyTo(base)).toList();
    List<List<AccountStress>> perAccount = new ArrayList<>(accounts.size());
    int perRow = 1 + shocked.size(); // the base market, then each scenario's
    try (DecisionBatch batch = DecisionBatch.onThreads(threads)) {
      // Blocks of accounts, so that only one block's decisions are held at a time.
      for (int from = 0; from < accounts.size(); from += BLOCK_ACCOUNTS) {
        int to = Math.min(accounts.size(), from + BLOCK_ACCOUNTS);
        List<MarginRequest> requests = new ArrayList<>((to - from) * perRow);
        for (int i = from; i < to; i++) {
          Account account = accounts.account(i);
          requests.add(new MarginRequest(account, base));
          shocked.forEach(market -> requests.add(new MarginRequest(account, market)));
        }
        List<CellResult> results = CellResult.decideAll(batch, policy, requests, marketData, false);
        for (int i = from; i < to; i++) {
          int at = (i - from) * perRow;
          perAccount.add(stress(accounts.account(i), results.subList(at, at + perRow)));
        }
        progress.advance((long) (to - from) * scenarios.size());
      }
    }
    List<StressResult.ScenarioOutcome> outcomes = new ArrayList<>();
    for (int s = 0; s < scenarios.size(); s++) {
      int k = s;
      outcomes.add(
          new StressResult.ScenarioOutcome(
              scenarios.get(s), perAccount.stream().map(r -> r.get(k)).toList()));
    }
    return new StressResult(
        book.name(), policy.stamp(), outcomes, (System.nanoTime() - start) / 1e9);
  }

  /** One account's row: {@code results} holds its base-market result, then one per scenario. */
  private static List<AccountStress> stress(Account account, List<CellResult> results) {
    List<AccountStress> out = new ArrayList<>();
    CellResult before = results.get(0);
    for (CellResult after : results.subList(1, results.size())) {
      if (before instanceof CellResult.Failed f) {
        out.add(AccountStress.failed(account.id(), "base market: " + f.reason(), f.policyFault()));
        continue;
      }
      MarginDecision b = ((CellResult.Decided) before).decision();
      if (after instanceof CellResult.Failed f) {
        out.add(
            AccountStress.failed(account.id(), "scenario market: " + f.reason(), f.policyFault()));
        continue;
      }
      MarginDecision a = ((CellResult.Decided) after).decision();
      out.add(
          AccountStress.of(
              account.id(),
              b.marginBalance(),
              a.marginBalance(),
              b.initialMargin(),
              b.status(),
              a.status()));
    }
    return out;
  }
}

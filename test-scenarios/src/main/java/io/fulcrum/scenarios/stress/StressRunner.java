package io.fulcrum.scenarios.stress;

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
import java.util.ArrayList;
import java.util.List;

/**
 * Decides every account of a book on the suite's base market and under each stress scenario (the
 * scenario's shock applied to the base market), and measures loss against posted margin. The
 * suite's own market states are not used: the scenarios take their place.
 */
public final class StressRunner {

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
    List<List<AccountStress>> perAccount =
        ParallelGrid.map(
            accounts.size(),
            threads,
            i -> {
              List<AccountStress> row = stress(accounts.account(i), policy, base, shocked);
              progress.advance(scenarios.size());
              return row;
            },
            Progress.silent());
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

  private List<AccountStress> stress(
      Account account, CompiledPolicy policy, MarketSnapshot base, List<MarketSnapshot> shocked) {
    List<AccountStress> out = new ArrayList<>();
    CellResult before = CellResult.decide(policy, account, base, marketData, false);
    for (MarketSnapshot market : shocked) {
      if (before instanceof CellResult.Failed f) {
        out.add(AccountStress.failed(account.id(), "base market: " + f.reason(), f.policyFault()));
        continue;
      }
      MarginDecision b = ((CellResult.Decided) before).decision();
      CellResult after = CellResult.decide(policy, account, market, marketData, false);
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

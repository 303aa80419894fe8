package io.fulcrum.engine.backtest;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.domain.Account;
import io.fulcrum.engine.domain.CollateralBalance;
import io.fulcrum.engine.domain.Instrument;
import io.fulcrum.engine.domain.InstrumentPrice;
import io.fulcrum.engine.domain.MarginMode;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.domain.MarketSnapshot;
import io.fulcrum.engine.domain.PerpetualFuture;
import io.fulcrum.engine.domain.Position;
import io.fulcrum.engine.market.MarketHistory;
import io.fulcrum.engine.market.PriceHistory;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.runtime.MarginEngine;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A policy version as margin model: on day t the account holds each asset's net quantity as a
 * linear perpetual ({@code <ASSET>-PERP}, contract size 1, marked at the day's close) and the
 * request carries the inline price history of the last {@code historyDays} days up to t only; the
 * margin is the decision's initial margin. The policy's own horizon applies (risk-based-im: 2
 * days), so backtest it with the same MPOR. Thread-safe ({@link MarginEngine#decide} is).
 */
public final class PolicyMarginModel implements MarginModel {

  private final CompiledPolicy policy;
  private final String currency;
  private final int historyDays;

  public PolicyMarginModel(CompiledPolicy policy, String currency, int historyDays) {
    if (historyDays < 2) {
      throw new IllegalArgumentException("historyDays must be >= 2 but was " + historyDays);
    }
    this.policy = policy;
    this.currency = currency;
    this.historyDays = historyDays;
  }

  @Override
  public String description() {
    return "policy "
        + policy.bundle().manifest().id()
        + "@"
        + policy.bundle().manifest().version()
        + " initial margin, "
        + historyDays
        + " days of history";
  }

  @Override
  public SortedMap<String, Object> parameters() {
    TreeMap<String, Object> p = new TreeMap<>(policy.bundle().manifest().parameters());
    p.put("historyDays", historyDays);
    return Collections.unmodifiableSortedMap(p);
  }

  @Override
  public int historyRequired() {
    return historyDays;
  }

  @Override
  public double margin(HistoryView history, double[] quantities, int mporDays) {
    List<Instrument> instruments = new ArrayList<>();
    TreeMap<String, InstrumentPrice> prices = new TreeMap<>();
    TreeMap<String, PriceHistory> series = new TreeMap<>();
    List<Position> positions = new ArrayList<>();
    for (int a = 0; a < quantities.length; a++) {
      if (quantities[a] == 0.0) {
        continue;
      }
      String asset = history.asset(a);
      String symbol = asset + "-PERP";
      BigDecimal mark = BigDecimal.valueOf(history.close(a));
      instruments.add(new PerpetualFuture(symbol, asset, currency, BigDecimal.ONE));
      prices.put(symbol, new InstrumentPrice(mark, mark));
      series.put(asset, history.history(a, historyDays));
      positions.add(
          new Position(
              symbol,
              BigDecimal.valueOf(quantities[a]),
              mark,
              MarginMode.CROSS,
              BigDecimal.ONE,
              null));
    }
    MarketSnapshot market =
        new MarketSnapshot(
            history.date().atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(86_399),
            currency,
            instruments,
            prices,
            new TreeMap<>(),
            MarketHistory.inline(series));
    Account account =
        new Account(
            "backtest",
            positions,
            List.of(new CollateralBalance(currency, new BigDecimal("1000000000"))),
            List.of());
    MarginDecision decision =
        MarginEngine.decide(policy, new MarginRequest(account, market), false);
    if (decision.initialMargin() == null) {
      throw new IllegalStateException(
          "policy gave no initial margin on " + history.date() + ": status " + decision.status());
    }
    return decision.initialMargin().doubleValue();
  }
}

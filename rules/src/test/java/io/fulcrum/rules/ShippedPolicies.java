package io.fulcrum.rules;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.domain.Account;
import io.fulcrum.engine.domain.CollateralBalance;
import io.fulcrum.engine.domain.Debt;
import io.fulcrum.engine.domain.InstrumentPrice;
import io.fulcrum.engine.domain.MarginMode;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.domain.MarketSnapshot;
import io.fulcrum.engine.domain.PerpetualFuture;
import io.fulcrum.engine.domain.Position;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The shipped bundles (this module's directory) behind one engine, and request builders. */
final class ShippedPolicies {

  static final MarginEngine ENGINE =
      MarginEngine.over(PolicyLibrary.at(Path.of(".").toAbsolutePath().normalize()));
  static final Instant AS_OF = Instant.parse("2026-11-25T12:00:00Z");

  private ShippedPolicies() {}

  static MarginDecision decide(String policy, MarginRequest request) {
    return ENGINE.decide(PolicyRef.parse(policy), request, true);
  }

  static BigDecimal dec(String v) {
    return new BigDecimal(v);
  }

  /** A BTCUSDT perpetual account at one mark price. */
  static final class Perps {
    private final List<Position> positions = new ArrayList<>();
    private String wallet = "0";
    private String mark = "60000";

    Perps wallet(String usdt) {
      wallet = usdt;
      return this;
    }

    Perps mark(String price) {
      mark = price;
      return this;
    }

    Perps isolated(String qty, String entry, String leverage, String isolatedMargin) {
      positions.add(
          new Position(
              "BTCUSDT",
              dec(qty),
              dec(entry),
              MarginMode.ISOLATED,
              leverage == null ? null : dec(leverage),
              dec(isolatedMargin)));
      return this;
    }

    Perps cross(String qty, String entry, String leverage) {
      positions.add(
          new Position(
              "BTCUSDT",
              dec(qty),
              dec(entry),
              MarginMode.CROSS,
              leverage == null ? null : dec(leverage),
              null));
      return this;
    }

    MarginRequest request() {
      Map<String, InstrumentPrice> prices = new TreeMap<>();
      prices.put("BTCUSDT", new InstrumentPrice(dec(mark), null));
      MarketSnapshot market =
          new MarketSnapshot(
              AS_OF,
              "USDT",
              List.of(new PerpetualFuture("BTCUSDT", "BTC", "USDT", BigDecimal.ONE)),
              new TreeMap<>(prices),
              new TreeMap<>(Map.of("USDT", BigDecimal.ONE)));
      return new MarginRequest(
          new Account(
              "acc-1", positions, List.of(new CollateralBalance("USDT", dec(wallet))), List.of()),
          market);
    }
  }

  /** A lending account: collateral and debts priced in USD. */
  static MarginRequest lending(
      Map<String, String> collateral, Map<String, String> debts, Map<String, String> prices) {
    List<CollateralBalance> c = new ArrayList<>();
    new TreeMap<>(collateral).forEach((a, amt) -> c.add(new CollateralBalance(a, dec(amt))));
    List<Debt> d = new ArrayList<>();
    new TreeMap<>(debts).forEach((a, amt) -> d.add(new Debt(a, dec(amt))));
    TreeMap<String, BigDecimal> p = new TreeMap<>();
    prices.forEach((a, v) -> p.put(a, dec(v)));
    MarketSnapshot market = new MarketSnapshot(AS_OF, "USD", List.of(), new TreeMap<>(), p);
    return new MarginRequest(new Account("lender-1", List.of(), c, d), market);
  }
}

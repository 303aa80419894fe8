package io.fulcrum.engine.whatif;

import io.fulcrum.engine.domain.Account;
import io.fulcrum.engine.domain.CollateralBalance;
import io.fulcrum.engine.domain.Instrument;
import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.domain.MarginMode;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.domain.Position;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies hypothetical orders to an account as if they filled: an order on a held instrument merges
 * into the position (increase: quantity-weighted entry price; reduction: entry kept, realised P&L
 * credited; crossing zero: the rest opens at the fill price); an order on a new instrument opens a
 * position. Linear instruments only realise P&L; options are noted. Errors name the order's field
 * ({@code orders[1].instrument}).
 */
public final class OrderMerge {

  private static final int PRICE_SCALE = 12;

  private final MarginRequest base;
  private final Map<String, Position> positions = new LinkedHashMap<>();
  private final Map<String, BigDecimal> wallet = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  private OrderMerge(MarginRequest base) {
    this.base = base;
    base.account().positions().forEach(p -> positions.put(p.instrument(), p));
    base.account().collateral().forEach(c -> wallet.put(c.asset(), c.amount()));
  }

  /**
   * The account as if the orders had filled, and what the merge did that the figures alone do not
   * show (realised P&amp;L, a flip, a closed isolated position, a floored wallet).
   */
  public record Result(MarginRequest request, List<String> notes) {}

  /**
   * Fills {@code orders} in order into {@code base}'s account.
   *
   * @throws InvalidRequest naming {@code orders[i].field} for an unknown instrument, a zero
   *     quantity, a missing or non-positive price, or a position the domain refuses
   */
  public static Result apply(MarginRequest base, List<HypotheticalOrder> orders) {
    if (orders.isEmpty()) {
      throw new InvalidRequest("orders", "at least one hypothetical order is required");
    }
    OrderMerge merge = new OrderMerge(base);
    for (int i = 0; i < orders.size(); i++) {
      merge.fill("orders[" + i + "]", orders.get(i));
    }
    Account a = base.account();
    List<CollateralBalance> collateral =
        merge.wallet.entrySet().stream()
            .map(e -> new CollateralBalance(e.getKey(), e.getValue()))
            .toList();
    Account after =
        new Account(a.id(), List.copyOf(merge.positions.values()), collateral, a.debts());
    return new Result(new MarginRequest(after, base.market()), List.copyOf(merge.notes));
  }

  private void fill(String field, HypotheticalOrder order) {
    if (order.instrument() == null || order.instrument().isBlank()) {
      throw new InvalidRequest(field + ".instrument", "instrument is required");
    }
    Instrument instrument =
        base.market()
            .findInstrument(order.instrument())
            .orElseThrow(
                () ->
                    new InvalidRequest(
                        field + ".instrument",
                        "'" + order.instrument() + "' is not defined in market.instruments"));
    if (order.quantity() == null || order.quantity().signum() == 0) {
      throw new InvalidRequest(
          field + ".quantity", "quantity must be a non-zero signed number of contracts");
    }
    BigDecimal price =
        order.price() != null
            ? order.price()
            : base.market()
                .findPrice(order.instrument())
                .orElseThrow(
                    () ->
                        new InvalidRequest(
                            field + ".price",
                            "no price given and no mark price for "
                                + order.instrument()
                                + " in market.prices"))
                .mark();
    if (price.signum() <= 0) {
      throw new InvalidRequest(
          field + ".price", "price must be positive but was " + price.toPlainString());
    }
    Position held = positions.get(order.instrument());
    try {
      if (held == null) {
        positions.put(
            order.instrument(),
            new Position(
                order.instrument(),
                order.quantity(),
                price,
                order.marginMode(),
                order.leverage(),
                order.isolatedMargin()));
      } else {
        merge(held, order.quantity(), price, instrument);
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest(field, e.getMessage());
    }
  }

  private void merge(Position held, BigDecimal quantity, BigDecimal price, Instrument instrument) {
    BigDecimal total = held.quantity().add(quantity);
    if (held.quantity().signum() == quantity.signum()) {
      BigDecimal entry =
          held.quantity()
              .abs()
              .multiply(held.entryPrice())
              .add(quantity.abs().multiply(price))
              .divide(total.abs(), PRICE_SCALE, RoundingMode.HALF_EVEN)
              .stripTrailingZeros();
      positions.put(held.instrument(), with(held, total, entry, held.isolatedMargin()));
      return;
    }
    BigDecimal closed = quantity.abs().min(held.quantity().abs());
    BigDecimal realised = realised(held, closed, price, instrument);
    BigDecimal isolated = held.isolatedMargin();
    if (held.marginMode() == MarginMode.ISOLATED) {
      isolated = isolated.add(realised).max(BigDecimal.ZERO);
    } else {
      credit(instrument.settlementAsset(), realised);
    }
    if (total.signum() == 0) {
      positions.remove(held.instrument());
      if (held.marginMode() == MarginMode.ISOLATED) {
        credit(instrument.settlementAsset(), isolated);
        notes.add(
            held.instrument()
                + " is closed; its isolated margin returns to the "
                + instrument.settlementAsset()
                + " wallet");
      }
    } else if (total.signum() == held.quantity().signum()) {
      positions.put(held.instrument(), with(held, total, held.entryPrice(), isolated));
    } else {
      positions.put(held.instrument(), with(held, total, price, isolated));
      notes.add(
          held.instrument()
              + " flips side: the remaining "
              + total.abs().toPlainString()
              + " contracts open at "
              + price.toPlainString());
    }
  }

  private BigDecimal realised(
      Position held, BigDecimal closed, BigDecimal price, Instrument instrument) {
    if (!instrument.linear()) {
      notes.add(
          "realised P&L of the reduced option position " + held.instrument() + " is not credited");
      return BigDecimal.ZERO;
    }
    BigDecimal pnl =
        closed
            .multiply(instrument.contractSize())
            .multiply(price.subtract(held.entryPrice()))
            .multiply(BigDecimal.valueOf(held.side()));
    notes.add(
        "reducing "
            + held.instrument()
            + " by "
            + closed.toPlainString()
            + " realises "
            + pnl.toPlainString()
            + " "
            + instrument.settlementAsset());
    return pnl;
  }

  private void credit(String asset, BigDecimal amount) {
    BigDecimal now = wallet.getOrDefault(asset, BigDecimal.ZERO).add(amount);
    if (now.signum() < 0) {
      notes.add(
          "the "
              + asset
              + " wallet would be negative ("
              + now.toPlainString()
              + "); it is floored at 0");
      now = BigDecimal.ZERO;
    }
    wallet.put(asset, now);
  }

  private static Position with(
      Position p, BigDecimal quantity, BigDecimal entry, BigDecimal isolated) {
    return new Position(p.instrument(), quantity, entry, p.marginMode(), p.leverage(), isolated);
  }
}

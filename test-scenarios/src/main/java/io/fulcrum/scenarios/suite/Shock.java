package io.fulcrum.scenarios.suite;

import io.fulcrum.engine.domain.InstrumentPrice;
import io.fulcrum.engine.domain.MarketSnapshot;
import io.fulcrum.engine.market.MarketHistory;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A move applied to a base market snapshot.
 *
 * @param priceMoves relative move per asset, e.g. {@code BTC: -0.372}: every instrument whose
 *     underlying is the asset moves its mark and index by this fraction, and so does the asset's
 *     own price where it is collateral or debt
 * @param assetPrices absolute price per collateral/debt asset after the move (e.g. a stablecoin
 *     depeg {@code USDC: 0.9}); applied after {@code priceMoves}
 * @param volatilityMoves relative move of implied volatility per underlying: every option on the
 *     underlying that has an implied volatility gets it multiplied by (1 + move)
 * @param history a market data set ({@code name@version}) that replaces the snapshot's price
 *     history, e.g. a stressed period for history-based measures; empty keeps the base history
 */
public record Shock(
    SortedMap<String, BigDecimal> priceMoves,
    SortedMap<String, BigDecimal> assetPrices,
    SortedMap<String, BigDecimal> volatilityMoves,
    Optional<String> history) {

  public static final Shock NONE = new Shock(null, null, null, Optional.empty());

  public Shock {
    priceMoves = sorted(priceMoves);
    assetPrices = sorted(assetPrices);
    volatilityMoves = sorted(volatilityMoves);
    history = history == null ? Optional.empty() : history;
    priceMoves.forEach(
        (asset, move) -> {
          if (move.compareTo(BigDecimal.ONE.negate()) <= 0) {
            throw new IllegalArgumentException(
                "priceMoves."
                    + asset
                    + " must be above -1 (a price stays positive) but was "
                    + move.toPlainString());
          }
        });
    history.ifPresent(MarketHistory::ofDataSet);
    volatilityMoves.forEach(
        (asset, move) -> {
          if (move.compareTo(BigDecimal.ONE.negate()) <= 0) {
            throw new IllegalArgumentException(
                "volatilityMoves."
                    + asset
                    + " must be above -1 (a volatility stays positive) but was "
                    + move.toPlainString());
          }
        });
    assetPrices.forEach(
        (asset, price) -> {
          if (price.signum() <= 0) {
            throw new IllegalArgumentException(
                "assetPrices." + asset + " must be positive but was " + price.toPlainString());
          }
        });
  }

  private static SortedMap<String, BigDecimal> sorted(Map<String, BigDecimal> map) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(map == null ? Map.of() : map));
  }

  /** {@code base} after this shock. Prices are multiplied exactly (no rounding). */
  public MarketSnapshot applyTo(MarketSnapshot base) {
    if (priceMoves.isEmpty()
        && assetPrices.isEmpty()
        && volatilityMoves.isEmpty()
        && history.isEmpty()) {
      return base;
    }
    SortedMap<String, InstrumentPrice> prices = new TreeMap<>();
    base.prices()
        .forEach(
            (symbol, price) -> {
              String underlying = base.findInstrument(symbol).map(i -> i.underlying()).orElse("");
              BigDecimal factor = factor(priceMoves, underlying);
              BigDecimal vol =
                  price.impliedVolatility() == null
                      ? null
                      : price.impliedVolatility().multiply(factor(volatilityMoves, underlying));
              prices.put(
                  symbol,
                  new InstrumentPrice(
                      price.mark().multiply(factor),
                      price.index() == null ? null : price.index().multiply(factor),
                      vol,
                      price.openInterest())); // units held; the open notional moves with the mark
            });
    SortedMap<String, BigDecimal> assets = new TreeMap<>();
    base.assetPrices()
        .forEach((asset, price) -> assets.put(asset, price.multiply(factor(priceMoves, asset))));
    if (!assets.containsKey(base.valuationCurrency())
        && priceMoves.containsKey(base.valuationCurrency())) {
      assets.put(base.valuationCurrency(), factor(priceMoves, base.valuationCurrency()));
    }
    assets.putAll(assetPrices);
    MarketHistory newHistory = history.map(MarketHistory::ofDataSet).orElse(base.history());
    return new MarketSnapshot(
        base.asOf(), base.valuationCurrency(), base.instruments(), prices, assets, newHistory);
  }

  private static BigDecimal factor(SortedMap<String, BigDecimal> moves, String asset) {
    BigDecimal move = moves.get(asset);
    return move == null ? BigDecimal.ONE : BigDecimal.ONE.add(move);
  }
}

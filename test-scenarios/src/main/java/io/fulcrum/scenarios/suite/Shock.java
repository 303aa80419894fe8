package io.fulcrum.scenarios.suite;

import io.fulcrum.engine.domain.InstrumentPrice;
import io.fulcrum.engine.domain.MarketSnapshot;
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
 * @param volatilityMoves relative move of implied volatility per underlying; recorded for policies
 *     that use volatility (the market snapshot has no volatility field yet, see {@link #notApplied})
 * @param historyWindow a named window of history the scenario refers to (e.g. {@code 2022-05-05/2022-05-12});
 *     recorded, not applied, for the same reason
 */
public record Shock(
    SortedMap<String, BigDecimal> priceMoves,
    SortedMap<String, BigDecimal> assetPrices,
    SortedMap<String, BigDecimal> volatilityMoves,
    Optional<String> historyWindow) {

  public static final Shock NONE = new Shock(null, null, null, Optional.empty());

  public Shock {
    priceMoves = sorted(priceMoves);
    assetPrices = sorted(assetPrices);
    volatilityMoves = sorted(volatilityMoves);
    historyWindow = historyWindow == null ? Optional.empty() : historyWindow;
    priceMoves.forEach((asset, move) -> {
      if (move.compareTo(BigDecimal.ONE.negate()) <= 0) {
        throw new IllegalArgumentException(
            "priceMoves." + asset + " must be above -1 (a price stays positive) but was " + move.toPlainString());
      }
    });
    assetPrices.forEach((asset, price) -> {
      if (price.signum() <= 0) {
        throw new IllegalArgumentException(
            "assetPrices." + asset + " must be positive but was " + price.toPlainString());
      }
    });
  }

  private static SortedMap<String, BigDecimal> sorted(Map<String, BigDecimal> map) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(map == null ? Map.of() : map));
  }

  /** The moves this engine version cannot apply, for a note in reports; empty if none. */
  public Optional<String> notApplied() {
    if (volatilityMoves.isEmpty() && historyWindow.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("volatility moves " + volatilityMoves + historyWindow.map(w -> ", history window " + w).orElse("")
        + " recorded but not applied: the market snapshot carries no volatility or history");
  }

  /** {@code base} after this shock. Prices are multiplied exactly (no rounding). */
  public MarketSnapshot applyTo(MarketSnapshot base) {
    if (priceMoves.isEmpty() && assetPrices.isEmpty()) {
      return base;
    }
    SortedMap<String, InstrumentPrice> prices = new TreeMap<>();
    base.prices().forEach((symbol, price) -> {
      BigDecimal factor = base.findInstrument(symbol)
          .map(i -> factor(i.underlying())).orElse(BigDecimal.ONE);
      prices.put(symbol, new InstrumentPrice(price.mark().multiply(factor),
          price.index() == null ? null : price.index().multiply(factor)));
    });
    SortedMap<String, BigDecimal> assets = new TreeMap<>();
    base.assetPrices().forEach((asset, price) -> assets.put(asset, price.multiply(factor(asset))));
    if (!assets.containsKey(base.valuationCurrency()) && priceMoves.containsKey(base.valuationCurrency())) {
      assets.put(base.valuationCurrency(), factor(base.valuationCurrency()));
    }
    assets.putAll(assetPrices);
    return new MarketSnapshot(base.asOf(), base.valuationCurrency(), base.instruments(), prices, assets);
  }

  private BigDecimal factor(String asset) {
    BigDecimal move = priceMoves.get(asset);
    return move == null ? BigDecimal.ONE : BigDecimal.ONE.add(move);
  }
}

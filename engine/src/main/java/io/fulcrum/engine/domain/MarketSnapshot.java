package io.fulcrum.engine.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fulcrum.engine.market.MarketHistory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The market state a decision is taken on: instrument definitions, their prices, and the prices of
 * collateral assets in the valuation currency. Everything a decision depends on besides the account
 * and the policy is here, so a stored request replays exactly.
 *
 * @param asOf when the prices were observed
 * @param valuationCurrency the currency all money figures of the decision are in, e.g. USDT
 * @param instruments definitions, by symbol
 * @param prices mark/index price per instrument symbol
 * @param assetPrices price of one unit of each collateral or debt asset in the valuation currency
 *     (the valuation currency itself is 1 if not given)
 * @param history daily price history for history-based risk measures (inline series and/or a named
 *     data set reference); null when the policy needs none. Omitted from JSON when null.
 */
public record MarketSnapshot(
    Instant asOf,
    String valuationCurrency,
    List<Instrument> instruments,
    SortedMap<String, InstrumentPrice> prices,
    SortedMap<String, BigDecimal> assetPrices,
    @JsonInclude(JsonInclude.Include.NON_NULL) MarketHistory history) {

  @JsonCreator
  public MarketSnapshot {
    Objects.requireNonNull(asOf, "asOf is required");
    valuationCurrency = Checks.text("valuationCurrency", valuationCurrency);
    instruments = instruments == null ? List.of() : List.copyOf(instruments);
    Map<String, Instrument> seen = new LinkedHashMap<>();
    for (Instrument instrument : instruments) {
      if (seen.put(instrument.symbol(), instrument) != null) {
        throw new IllegalArgumentException("instruments lists '" + instrument.symbol() + "' twice");
      }
    }
    prices = Collections.unmodifiableSortedMap(new TreeMap<>(prices == null ? Map.of() : prices));
    TreeMap<String, BigDecimal> assets = new TreeMap<>();
    if (assetPrices != null) {
      assetPrices.forEach(
          (asset, price) -> assets.put(asset, Checks.positive("assetPrices." + asset, price)));
    }
    assetPrices = Collections.unmodifiableSortedMap(assets);
  }

  /** A snapshot without price history. */
  public MarketSnapshot(
      Instant asOf,
      String valuationCurrency,
      List<Instrument> instruments,
      SortedMap<String, InstrumentPrice> prices,
      SortedMap<String, BigDecimal> assetPrices) {
    this(asOf, valuationCurrency, instruments, prices, assetPrices, null);
  }

  /** The same snapshot with {@code history} (replacing any). */
  public MarketSnapshot withHistory(MarketHistory history) {
    return new MarketSnapshot(asOf, valuationCurrency, instruments, prices, assetPrices, history);
  }

  public Optional<MarketHistory> findHistory() {
    return Optional.ofNullable(history);
  }

  public Optional<Instrument> findInstrument(String symbol) {
    return instruments.stream().filter(i -> i.symbol().equals(symbol)).findFirst();
  }

  public Optional<InstrumentPrice> findPrice(String symbol) {
    return Optional.ofNullable(prices.get(symbol));
  }

  /** Price of an asset in the valuation currency; the valuation currency is worth 1. */
  public Optional<BigDecimal> findAssetPrice(String asset) {
    if (asset.equals(valuationCurrency) && !assetPrices.containsKey(asset)) {
      return Optional.of(BigDecimal.ONE);
    }
    return Optional.ofNullable(assetPrices.get(asset));
  }
}

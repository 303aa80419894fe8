package io.fulcrum.engine.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fulcrum.engine.market.MarketHistory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
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
    instruments = new Instruments(instruments == null ? List.of() : instruments);
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

  /** The instrument {@code symbol}; constant time (a hash lookup), so a request is linear. */
  public Optional<Instrument> findInstrument(String symbol) {
    return Optional.ofNullable(((Instruments) instruments).bySymbol.get(symbol));
  }

  public Optional<InstrumentPrice> findPrice(String symbol) {
    return Optional.ofNullable(prices.get(symbol));
  }

  /**
   * The instruments in the order given, immutable, with an index by symbol. A record cannot hold a
   * second field for the index, so the list carries it; as a {@link List} it compares, hashes and
   * serialises like any other list of the same instruments.
   */
  private static final class Instruments extends AbstractList<Instrument> implements RandomAccess {

    private final List<Instrument> list;
    private final Map<String, Instrument> bySymbol;

    Instruments(List<Instrument> given) {
      if (given instanceof Instruments already) {
        this.list = already.list;
        this.bySymbol = already.bySymbol;
        return;
      }
      this.list = List.copyOf(given);
      Map<String, Instrument> index = new HashMap<>(list.size() * 2);
      for (Instrument instrument : list) {
        if (index.put(instrument.symbol(), instrument) != null) {
          throw new IllegalArgumentException(
              "instruments lists '" + instrument.symbol() + "' twice");
        }
      }
      this.bySymbol = Collections.unmodifiableMap(index);
    }

    @Override
    public Instrument get(int index) {
      return list.get(index);
    }

    @Override
    public int size() {
      return list.size();
    }
  }

  /** Price of an asset in the valuation currency; the valuation currency is worth 1. */
  public Optional<BigDecimal> findAssetPrice(String asset) {
    if (asset.equals(valuationCurrency) && !assetPrices.containsKey(asset)) {
      return Optional.of(BigDecimal.ONE);
    }
    return Optional.ofNullable(assetPrices.get(asset));
  }
}

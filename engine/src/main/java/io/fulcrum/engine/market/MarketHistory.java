package io.fulcrum.engine.market;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The price history a request brings for history-based risk measures: a reference to a named market
 * data set ({@code name@version}, resolved by the engine's {@link MarketDataSets}), inline daily
 * closes per underlying asset, or both (inline series then override the data set's series of the
 * same asset).
 *
 * <p>JSON form (field {@code market.history} of a request):
 *
 * <pre>
 *   "history": {
 *     "dataSet": "crypto-daily@2026-11-24",
 *     "series": { "BTC": { "dates": ["2026-11-23", "2026-11-24"], "closes": [98500.5, 99120.0] } }
 *   }
 * </pre>
 *
 * Closes are JSON numbers (or decimal strings) read into doubles; they are written back with Java's
 * shortest round-trip form, so a request survives a JSON round trip unchanged and its inline hash
 * (see {@link #inlineHash()}) with it. Both fields are optional, but not both absent.
 *
 * @param dataSet {@code name@version} of a market data set, or null. A bare {@code name} is read
 *     but refused when resolved for a decision ({@link MarketDataSets#forRequests()}), with the
 *     current versions listed: a decision pins the exact prices it used.
 * @param series inline histories by asset (each history's asset equals its key); empty if none
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MarketHistory(String dataSet, SortedMap<String, PriceHistory> series) {

  public MarketHistory {
    dataSet = dataSet == null || dataSet.isBlank() ? null : dataSet.trim();
    series = Collections.unmodifiableSortedMap(new TreeMap<>(series == null ? Map.of() : series));
    if (dataSet == null && series.isEmpty()) {
      throw new IllegalArgumentException("history needs a dataSet reference or inline series");
    }
    if (dataSet != null && !dataSet.matches("[^@\\s]+(@[^@\\s]+)?")) {
      throw new IllegalArgumentException(
          "dataSet must be 'name@version' (or a bare name, which is refused with the current"
              + " versions listed) but was '"
              + dataSet
              + "'");
    }
    series.forEach(
        (asset, h) -> {
          if (!asset.equals(h.asset())) {
            throw new IllegalArgumentException(
                "series." + asset + " holds the history of '" + h.asset() + "'");
          }
        });
  }

  /** A reference to a named data set only. */
  public static MarketHistory ofDataSet(String ref) {
    return new MarketHistory(ref, null);
  }

  /** Inline histories only. */
  public static MarketHistory inline(Map<String, PriceHistory> series) {
    return new MarketHistory(null, new TreeMap<>(series));
  }

  /** Reads the JSON form above; an inline series may omit {@code asset} (its key says it). */
  @JsonCreator
  static MarketHistory fromJson(
      @JsonProperty("dataSet") String dataSet, @JsonProperty("series") Map<String, Series> series) {
    TreeMap<String, PriceHistory> histories = new TreeMap<>();
    if (series != null) {
      series.forEach((asset, s) -> histories.put(asset, s.toHistory(asset)));
    }
    return new MarketHistory(dataSet, histories);
  }

  /**
   * SHA-256 of the inline series, with the same content hash as {@link MarketDataSet#hash()}; null
   * when there are none.
   */
  public String inlineHash() {
    return series.isEmpty() ? null : MarketDataSet.of("inline", "request", series).hash();
  }

  /** One inline series as written in JSON. */
  record Series(String asset, List<LocalDate> dates, double[] closes) {

    Series {
      if (dates == null || closes == null) {
        throw new IllegalArgumentException("a series needs dates and closes");
      }
      if (dates.size() != closes.length) {
        throw new IllegalArgumentException(
            "a series needs one close per date but has "
                + dates.size()
                + " dates and "
                + closes.length
                + " closes");
      }
      for (int i = 0; i < closes.length; i++) {
        if (!Double.isFinite(closes[i]) || closes[i] <= 0) {
          throw new IllegalArgumentException(
              "closes["
                  + i
                  + "] ("
                  + dates.get(i)
                  + ") must be a positive finite number but was "
                  + closes[i]);
        }
      }
    }

    PriceHistory toHistory(String key) {
      if (asset != null && !asset.equals(key)) {
        throw new IllegalArgumentException("series." + key + " names asset '" + asset + "'");
      }
      return new PriceHistory(key, dates, closes);
    }
  }
}

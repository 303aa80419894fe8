package io.fulcrum.engine.measure;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A {@link DerivativesPortfolio} with the joint daily return history of its underlyings: what the
 * portfolio historical-simulation measures ({@code fhs-portfolio-es}, {@code
 * historical-portfolio-es}) revalue the positions under.
 *
 * @param portfolio the positions and current underlying prices
 * @param dates the day each one-day return ends on, oldest first, strictly increasing; one per
 *     return; the same days for every underlying
 * @param returns simple one-day returns r_t = c_t / c_(t-1) - 1 per underlying; one entry for every
 *     underlying of the portfolio (others are allowed), each as long as {@code dates}
 * @param marketData where the history came from, written into the measure's inputs summary so a
 *     decision names the exact data it used (e.g. {@code dataSet}, {@code dataSetHash}, {@code
 *     inlineHash}); may be empty
 */
public record HistoricalPortfolio(
    DerivativesPortfolio portfolio,
    List<LocalDate> dates,
    SortedMap<String, UnderlyingReturns> returns,
    SortedMap<String, String> marketData)
    implements MeasureInput {

  public HistoricalPortfolio {
    Objects.requireNonNull(portfolio, "portfolio");
    dates = List.copyOf(dates);
    if (dates.isEmpty()) {
      throw new IllegalArgumentException("returns must not be empty: no return dates");
    }
    for (int i = 1; i < dates.size(); i++) {
      if (!dates.get(i).isAfter(dates.get(i - 1))) {
        throw new IllegalArgumentException(
            "dates must increase but " + dates.get(i) + " follows " + dates.get(i - 1));
      }
    }
    returns = Collections.unmodifiableSortedMap(new TreeMap<>(returns));
    for (DerivativesPortfolio.Position p : portfolio.positions()) {
      if (!returns.containsKey(p.underlying())) {
        throw new IllegalArgumentException(
            "returns must cover every underlying but have none for '"
                + p.underlying()
                + "' ("
                + p.instrument()
                + ")");
      }
    }
    for (Map.Entry<String, UnderlyingReturns> e : returns.entrySet()) {
      if (e.getValue().size() != dates.size()) {
        throw new IllegalArgumentException(
            "returns of "
                + e.getKey()
                + " must have one value per date ("
                + dates.size()
                + ") but have "
                + e.getValue().size());
      }
    }
    marketData =
        Collections.unmodifiableSortedMap(
            new TreeMap<>(marketData == null ? Map.of() : marketData));
  }

  /** Number of one-day returns. */
  public int days() {
    return dates.size();
  }

  @Override
  public String summary() {
    return "historical portfolio n="
        + portfolio.positions().size()
        + " underlyings="
        + portfolio.underlyingPrices().keySet()
        + " days="
        + dates.size();
  }

  /**
   * The one-day returns of one underlying.
   *
   * @param values finite, oldest first; copied on construction, and not exposed mutably
   * @param contentKey identifies the content exactly (e.g. the source's SHA-256, the asset and the
   *     date range), so results that depend only on it may be cached under it; null disables
   *     caching
   */
  public record UnderlyingReturns(double[] values, String contentKey) {

    public UnderlyingReturns {
      Objects.requireNonNull(values, "values");
      for (int i = 0; i < values.length; i++) {
        if (!Double.isFinite(values[i])) {
          throw new IllegalArgumentException(
              "returns[" + i + "] must be a finite number but was " + values[i]);
        }
      }
      values = values.clone();
    }

    @Override
    public double[] values() {
      return values.clone();
    }

    /** The value at {@code i}, without copying. */
    public double value(int i) {
      return values[i];
    }

    public int size() {
      return values.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof UnderlyingReturns u
          && java.util.Arrays.equals(values, u.values)
          && Objects.equals(contentKey, u.contentKey);
    }

    @Override
    public int hashCode() {
      return Objects.hash(java.util.Arrays.hashCode(values), contentKey);
    }

    @Override
    public String toString() {
      return "UnderlyingReturns[n=" + values.length + ", key=" + contentKey + "]";
    }
  }
}

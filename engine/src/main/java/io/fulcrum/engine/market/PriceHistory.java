package io.fulcrum.engine.market;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Daily closing prices of one asset, oldest first, one per calendar day that has a price (crypto
 * trades every day; a day without a price is simply absent, and {@link #gaps()} lists where).
 * Prices are doubles: histories feed statistical estimators, never money figures.
 *
 * @param asset e.g. {@code BTC}
 * @param dates strictly increasing
 * @param closes positive and finite, same length as dates
 */
public record PriceHistory(String asset, List<LocalDate> dates, double[] closes) {

  public PriceHistory {
    Objects.requireNonNull(asset, "asset");
    dates = List.copyOf(dates);
    closes = closes.clone();
    if (dates.size() != closes.length) {
      throw new IllegalArgumentException(
          "history of " + asset + ": " + dates.size() + " dates but " + closes.length + " closes");
    }
    for (int i = 0; i < closes.length; i++) {
      if (!Double.isFinite(closes[i]) || closes[i] <= 0) {
        throw new IllegalArgumentException(
            "history of "
                + asset
                + ": close on "
                + dates.get(i)
                + " must be a positive number but was "
                + closes[i]);
      }
      if (i > 0 && !dates.get(i).isAfter(dates.get(i - 1))) {
        throw new IllegalArgumentException(
            "history of "
                + asset
                + ": dates must increase but "
                + dates.get(i)
                + " follows "
                + dates.get(i - 1));
      }
    }
  }

  @Override
  public double[] closes() {
    return closes.clone();
  }

  public int size() {
    return closes.length;
  }

  public double close(int i) {
    return closes[i];
  }

  public LocalDate lastDate() {
    return dates.get(dates.size() - 1);
  }

  /**
   * Simple one-day returns r_t = c_t / c_(t-1) - 1, oldest first (n - 1 values). A return that
   * spans a missing day spans it: callers who care check {@link #gaps()}.
   */
  public double[] simpleReturns() {
    double[] r = new double[Math.max(0, closes.length - 1)];
    for (int i = 1; i < closes.length; i++) {
      r[i - 1] = closes[i] / closes[i - 1] - 1;
    }
    return r;
  }

  /** The prices known on {@code day} (inclusive): no look-ahead. */
  public PriceHistory upTo(LocalDate day) {
    int end = 0;
    while (end < dates.size() && !dates.get(end).isAfter(day)) {
      end++;
    }
    return new PriceHistory(asset, dates.subList(0, end), Arrays.copyOf(closes, end));
  }

  /** The last {@code n} prices (or all if fewer). */
  public PriceHistory last(int n) {
    int from = Math.max(0, closes.length - n);
    return new PriceHistory(
        asset, dates.subList(from, dates.size()), Arrays.copyOfRange(closes, from, closes.length));
  }

  /** Days absent between the first and last date. */
  public List<LocalDate> gaps() {
    java.util.ArrayList<LocalDate> missing = new java.util.ArrayList<>();
    for (int i = 1; i < dates.size(); i++) {
      for (LocalDate d = dates.get(i - 1).plusDays(1);
          d.isBefore(dates.get(i));
          d = d.plusDays(1)) {
        missing.add(d);
      }
    }
    return missing;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PriceHistory p
        && asset.equals(p.asset)
        && dates.equals(p.dates)
        && Arrays.equals(closes, p.closes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(asset, dates, Arrays.hashCode(closes));
  }

  @Override
  public String toString() {
    return "PriceHistory["
        + asset
        + ", n="
        + closes.length
        + (closes.length == 0 ? "" : ", " + dates.get(0) + ".." + lastDate())
        + "]";
  }
}

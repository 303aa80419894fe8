package io.fulcrum.engine.backtest;

import io.fulcrum.engine.market.MarketDataSet;
import io.fulcrum.engine.market.PriceHistory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The closes of several assets on the days all of them have a price, oldest first, with the
 * one-period simple returns computed once (so a backtest never recomputes them per day). A return
 * spans whatever calendar days separate two rows. Immutable after construction.
 */
public final class PricePanel {

  private final List<String> assets;
  private final List<LocalDate> dates;
  private final double[][] closes; // [asset][t]
  private final double[][] returns; // [asset][t], returns[a][0] = 0 (no previous day)
  private final List<String> notes;

  private PricePanel(
      List<String> assets, List<LocalDate> dates, double[][] closes, List<String> notes) {
    this.assets = List.copyOf(assets);
    this.dates = List.copyOf(dates);
    this.closes = closes;
    this.notes = List.copyOf(notes);
    this.returns = new double[closes.length][dates.size()];
    for (int a = 0; a < closes.length; a++) {
      for (int t = 1; t < dates.size(); t++) {
        returns[a][t] = closes[a][t] / closes[a][t - 1] - 1.0;
      }
    }
  }

  /** Aligns the histories of {@code assets} in {@code data} on their common days. */
  public static PricePanel of(MarketDataSet data, List<String> assets) {
    List<PriceHistory> histories = new ArrayList<>();
    for (String asset : assets) {
      histories.add(data.history(asset));
    }
    Set<LocalDate> common = new HashSet<>(histories.get(0).dates());
    histories.forEach(h -> common.retainAll(new HashSet<>(h.dates())));
    List<LocalDate> dates = histories.get(0).dates().stream().filter(common::contains).toList();
    if (dates.size() < 2) {
      throw new IllegalArgumentException(
          "market data set "
              + data.ref()
              + " has fewer than 2 days "
              + "on which all of "
              + assets
              + " have a price");
    }
    List<String> notes = new ArrayList<>();
    double[][] closes = new double[assets.size()][dates.size()];
    for (int a = 0; a < assets.size(); a++) {
      PriceHistory h = histories.get(a);
      int j = 0;
      for (int i = 0; i < h.size(); i++) {
        if (common.contains(h.dates().get(i))) {
          closes[a][j++] = h.close(i);
        }
      }
      int dropped = h.size() - dates.size();
      if (dropped > 0) {
        notes.add(
            String.format(
                Locale.ROOT,
                "%s: %d day(s) outside the days common to %s left out",
                assets.get(a),
                dropped,
                assets));
      }
    }
    return new PricePanel(assets, dates, closes, notes);
  }

  /** A panel from raw closes ([asset][t]), for tests and synthetic data. */
  public static PricePanel of(List<String> assets, List<LocalDate> dates, double[][] closes) {
    double[][] copy = new double[closes.length][];
    for (int a = 0; a < closes.length; a++) {
      copy[a] = closes[a].clone();
    }
    return new PricePanel(assets, dates, copy, List.of());
  }

  public List<String> assets() {
    return assets;
  }

  public List<LocalDate> dates() {
    return dates;
  }

  public int size() {
    return dates.size();
  }

  public List<String> notes() {
    return notes;
  }

  public double close(int asset, int t) {
    return closes[asset][t];
  }

  /** Simple return of {@code asset} from row t - 1 to row t (t &gt;= 1). */
  public double dailyReturn(int asset, int t) {
    return returns[asset][t];
  }

  public int indexOf(String asset) {
    int i = assets.indexOf(asset);
    if (i < 0) {
      throw new IllegalArgumentException(
          "price panel has no asset '" + asset + "'; it has " + assets);
    }
    return i;
  }
}

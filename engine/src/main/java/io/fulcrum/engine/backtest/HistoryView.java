package io.fulcrum.engine.backtest;

import java.time.LocalDate;
import java.util.Locale;

/**
 * What a margin model may see on day t: the panel's rows 0..t and nothing later. Every accessor
 * checks its index against t, so a model cannot look ahead. Cheap to create (no copy).
 */
public final class HistoryView {

  private final PricePanel panel;
  private final int today;

  HistoryView(PricePanel panel, int today) {
    if (today < 0 || today >= panel.size()) {
      throw new IllegalArgumentException(
          "day index must be in [0," + panel.size() + ") but was " + today);
    }
    this.panel = panel;
    this.today = today;
  }

  public LocalDate date() {
    return panel.dates().get(today);
  }

  /** Returns available up to today (row 0 has none). */
  public int returnsAvailable() {
    return today;
  }

  /** Today's close of the asset at {@code asset} (panel index). */
  public double close(int asset) {
    return panel.close(asset, today);
  }

  /**
   * The last {@code count} one-period P&amp;L outcomes of holding {@code quantities} at today's
   * prices: pnl_k = sum_a q_a P_a(today) r_a(k) for the rows k = today - count + 1 .. today.
   */
  public double[] scenarioPnl(double[] quantities, int count) {
    if (count < 1 || count > today) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "lookback must be in [1, %d] (returns known on %s) but was %d",
              today,
              date(),
              count));
    }
    double[] pnl = new double[count];
    int first = today - count + 1;
    for (int a = 0; a < quantities.length; a++) {
      double exposure = quantities[a] * panel.close(a, today);
      for (int k = 0; k < count; k++) {
        pnl[k] += exposure * panel.dailyReturn(a, first + k);
      }
    }
    return pnl;
  }

  /**
   * The last {@code days} + 1 closes of {@code asset} up to today (fewer if the data starts later).
   */
  public io.fulcrum.engine.market.PriceHistory history(int asset, int days) {
    int first = Math.max(0, today - days);
    double[] closes = new double[today - first + 1];
    for (int t = first; t <= today; t++) {
      closes[t - first] = panel.close(asset, t);
    }
    return new io.fulcrum.engine.market.PriceHistory(
        panel.assets().get(asset), panel.dates().subList(first, today + 1), closes);
  }

  public String asset(int index) {
    return panel.assets().get(index);
  }
}

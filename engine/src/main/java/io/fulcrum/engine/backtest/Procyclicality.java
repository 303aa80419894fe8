package io.fulcrum.engine.backtest;

import java.time.LocalDate;
import java.util.List;

/**
 * How much the margin swings with the market over a backtest.
 *
 * <ul>
 *   <li>{@code peakToTrough} = max margin / min margin (NaN when the minimum is 0);
 *   <li>the largest 1-day and {@code window}-day margin increase, M_t - M_(t-k), in money and as
 *       M_t / M_(t-k) - 1, with the day it ended;
 *   <li>the average margin, and margin per unit of gross exposure, in the calmest and the most
 *       stressed {@code window}-day window, stress being the standard deviation of the portfolio's
 *       daily P&amp;L per unit of gross exposure (sum |q_a P_a|) in the window.
 * </ul>
 *
 * Reference for the measures: CPMI-IOSCO, "Resilience of central counterparties: further guidance
 * on the PFMI" (2017), 5.2.4 (peak-to-trough, n-day procyclicality).
 */
public record Procyclicality(
    int window,
    double peakToTrough,
    LocalDate peakDate,
    LocalDate troughDate,
    Increase largestOneDayIncrease,
    Increase largestWindowIncrease,
    WindowLevel calmestWindow,
    WindowLevel mostStressedWindow) {

  /** A margin increase over {@code days} ending on {@code to}. */
  public record Increase(int days, LocalDate to, double amount, double relative) {}

  /** Margin levels in a window of days ending on {@code to}. */
  public record WindowLevel(
      LocalDate from,
      LocalDate to,
      double pnlVolatility,
      double averageMargin,
      double averageMarginToGrossExposure) {}

  /**
   * @param normalisedPnl daily P&amp;L per unit of the previous day's gross exposure, aligned with
   *     margins (the value for day t is the move into day t)
   */
  static Procyclicality of(
      List<LocalDate> dates,
      double[] margins,
      double[] grossExposure,
      double[] normalisedPnl,
      int window) {
    int n = margins.length;
    int peak = 0;
    int trough = 0;
    for (int t = 1; t < n; t++) {
      peak = margins[t] > margins[peak] ? t : peak;
      trough = margins[t] < margins[trough] ? t : trough;
    }
    double ratio = margins[trough] > 0 ? margins[peak] / margins[trough] : Double.NaN;
    int w = Math.min(window, n);
    return new Procyclicality(
        w,
        ratio,
        dates.get(peak),
        dates.get(trough),
        increase(dates, margins, 1),
        increase(dates, margins, w),
        level(dates, margins, grossExposure, normalisedPnl, w, false),
        level(dates, margins, grossExposure, normalisedPnl, w, true));
  }

  private static Increase increase(List<LocalDate> dates, double[] m, int days) {
    int best = -1;
    for (int t = days; t < m.length; t++) {
      if (best < 0 || m[t] - m[t - days] > m[best] - m[best - days]) {
        best = t;
      }
    }
    if (best < 0) {
      return new Increase(days, dates.get(m.length - 1), 0.0, 0.0);
    }
    double before = m[best - days];
    return new Increase(
        days, dates.get(best), m[best] - before, before > 0 ? m[best] / before - 1.0 : Double.NaN);
  }

  private static WindowLevel level(
      List<LocalDate> dates, double[] m, double[] gross, double[] pnl, int w, boolean stressed) {
    double sum = 0;
    double sumSq = 0;
    int best = -1;
    double bestVol = 0;
    for (int t = 0; t < m.length; t++) {
      sum += pnl[t];
      sumSq += pnl[t] * pnl[t];
      if (t >= w) {
        sum -= pnl[t - w];
        sumSq -= pnl[t - w] * pnl[t - w];
      }
      if (t >= w - 1) {
        double mean = sum / w;
        double vol = Math.sqrt(Math.max(0.0, sumSq / w - mean * mean));
        if (best < 0 || (stressed ? vol > bestVol : vol < bestVol)) {
          best = t;
          bestVol = vol;
        }
      }
    }
    double margin = 0;
    double relative = 0;
    for (int t = best - w + 1; t <= best; t++) {
      margin += m[t];
      relative += gross[t] > 0 ? m[t] / gross[t] : 0.0;
    }
    return new WindowLevel(
        dates.get(best - w + 1), dates.get(best), bestVol, margin / w, relative / w);
  }
}

package io.fulcrum.engine.backtest;

import java.util.SortedMap;

/**
 * What a backtest tests: the margin required on a day for a portfolio, from the prices known that
 * day. Implementations are pure functions of their parameters and the {@link HistoryView} (so a
 * backtest can be replayed and run in parallel) and thread-safe.
 */
public interface MarginModel {

  /** One line saying what the model is, e.g. {@code fhs-es 97.5% 2-day x1.00 +0% buffer}. */
  String description();

  /** Every setting the model uses, for reports and calibration. */
  SortedMap<String, Object> parameters();

  /** Returns needed before the first margin can be computed (e.g. the lookback). */
  int historyRequired();

  /**
   * The margin for holding {@code quantities} (one per panel asset, signed units) on {@code
   * history.date()}, in the price currency, for a margin period of risk of {@code mporDays}.
   */
  double margin(HistoryView history, double[] quantities, int mporDays);
}

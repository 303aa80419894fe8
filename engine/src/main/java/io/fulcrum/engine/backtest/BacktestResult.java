package io.fulcrum.engine.backtest;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/**
 * The outcome of a backtest: per-day series and their summary. Money in the portfolio currency.
 *
 * @param dates margin days t, oldest first
 * @param margins margin on day t
 * @param losses realised loss V(t) - V(t+h) (positive = loss)
 * @param values portfolio value V(t)
 * @param prices close of the first portfolio asset on day t (for charts)
 * @param coverageRatio share of days without a breach
 * @param shortfall total, average and largest shortfall over breach days
 */
public record BacktestResult(
    DataStamp data,
    BacktestPortfolio portfolio,
    String model,
    SortedMap<String, Object> modelParameters,
    int mporDays,
    List<LocalDate> dates,
    double[] margins,
    double[] losses,
    double[] values,
    double[] prices,
    List<Breach> breaches,
    double coverageRatio,
    double averageMargin,
    double peakMargin,
    LocalDate peakMarginDate,
    Shortfall shortfall,
    CoverageReport tests,
    Procyclicality procyclicality) {

  /** Shortfall over breach days (zeros when there are none). */
  public record Shortfall(double total, double average, double largest, LocalDate largestOn) {}

  public LocalDate from() {
    return dates.get(0);
  }

  public LocalDate to() {
    return dates.get(dates.size() - 1);
  }
}

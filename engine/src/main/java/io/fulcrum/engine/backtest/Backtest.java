package io.fulcrum.engine.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Runs a margin backtest: for each day t in [from, to], the model's margin from rows 0..t only (a
 * {@link HistoryView} that cannot see later rows) against the realised h-day loss V(t) - V(t+h) of
 * the fixed portfolio; a breach is a loss above the margin. Then coverage, the tests of {@link
 * CoverageReport} and {@link Procyclicality}. Asset returns are computed once for the whole panel
 * ({@link PricePanel}); each day costs one model evaluation on its window, and days are evaluated
 * in parallel (the common fork-join pool). Stateless; thread-safe if the model is.
 */
public final class Backtest {

  /** Window of the procyclicality measures, in days. */
  public static final int PROCYCLICALITY_WINDOW = 30;

  private Backtest() {}

  public static BacktestResult run(PricePanel panel, DataStamp data, BacktestSpec spec) {
    double[] q = quantities(panel, spec.portfolio());
    int[] range = range(panel, spec);
    int n = range[1] - range[0] + 1;
    int h = spec.mporDays();
    List<LocalDate> dates = panel.dates().subList(range[0], range[1] + 1);
    double[] margins = new double[n];
    double[] losses = new double[n];
    double[] values = new double[n];
    double[] prices = new double[n];
    double[] gross = new double[n];
    double[] pnl = new double[n];
    boolean[] breach = new boolean[n];
    List<Breach> breaches = new ArrayList<>();
    // Days are independent (each sees only its own prefix), so they are computed in parallel.
    IntStream.range(0, n)
        .parallel()
        .forEach(i -> margins[i] = spec.model().margin(new HistoryView(panel, range[0] + i), q, h));
    for (int i = 0; i < n; i++) {
      int t = range[0] + i;
      values[i] = value(panel, q, t);
      losses[i] = values[i] - value(panel, q, t + h);
      prices[i] = panel.close(0, t);
      gross[i] = grossExposure(panel, q, t);
      pnl[i] = (values[i] - value(panel, q, t - 1)) / grossExposure(panel, q, t - 1);
      breach[i] = losses[i] > margins[i];
      if (breach[i]) {
        breaches.add(new Breach(dates.get(i), margins[i], losses[i], losses[i] - margins[i]));
      }
    }
    return summarise(
        data,
        spec,
        dates,
        new double[][] {margins, losses, values, prices},
        breach,
        breaches,
        Procyclicality.of(dates, margins, gross, pnl, PROCYCLICALITY_WINDOW));
  }

  private static BacktestResult summarise(
      DataStamp data,
      BacktestSpec spec,
      List<LocalDate> dates,
      double[][] series,
      boolean[] breach,
      List<Breach> breaches,
      Procyclicality pro) {
    double[] margins = series[0];
    int n = margins.length;
    double sum = 0;
    int peak = 0;
    for (int i = 0; i < n; i++) {
      sum += margins[i];
      peak = margins[i] > margins[peak] ? i : peak;
    }
    double total = 0;
    Breach largest = null;
    for (Breach b : breaches) {
      total += b.shortfall();
      largest = largest == null || b.shortfall() > largest.shortfall() ? b : largest;
    }
    BacktestResult.Shortfall shortfall =
        new BacktestResult.Shortfall(
            total,
            breaches.isEmpty() ? 0.0 : total / breaches.size(),
            largest == null ? 0.0 : largest.shortfall(),
            largest == null ? null : largest.date());
    return new BacktestResult(
        data,
        spec.portfolio(),
        spec.model().description(),
        spec.model().parameters(),
        spec.mporDays(),
        dates,
        margins,
        series[1],
        series[2],
        series[3],
        breaches,
        1.0 - breaches.size() / (double) n,
        sum / n,
        margins[peak],
        dates.get(peak),
        shortfall,
        CoverageReport.of(breach, spec.confidence()),
        pro);
  }

  static double[] quantities(PricePanel panel, BacktestPortfolio portfolio) {
    double[] q = new double[panel.assets().size()];
    List<String> assets = portfolio.assets();
    double[] net = portfolio.netQuantities();
    for (int i = 0; i < assets.size(); i++) {
      q[panel.indexOf(assets.get(i))] += net[i];
    }
    return q;
  }

  private static double value(PricePanel panel, double[] q, int t) {
    double v = 0;
    for (int a = 0; a < q.length; a++) {
      v += q[a] * panel.close(a, t);
    }
    return v;
  }

  private static double grossExposure(PricePanel panel, double[] q, int t) {
    double g = 0;
    for (int a = 0; a < q.length; a++) {
      g += Math.abs(q[a] * panel.close(a, t));
    }
    return g;
  }

  /** [first, last] row indexes of margin days, or a clear error. */
  static int[] range(PricePanel panel, BacktestSpec spec) {
    List<LocalDate> dates = panel.dates();
    int earliest = Math.max(spec.model().historyRequired(), 1);
    int latest = dates.size() - 1 - spec.mporDays();
    if (earliest > latest) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "the data (%d days, %s .. %s) is too short for %d days of history plus a %d-day MPOR",
              dates.size(),
              dates.get(0),
              dates.get(dates.size() - 1),
              earliest,
              spec.mporDays()));
    }
    int first = earliest;
    int last = latest;
    if (spec.from() != null) {
      first = indexOnOrAfter(dates, spec.from(), "from");
      if (first < earliest) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "from %s leaves %d days of history before it but the model needs %d; the earliest "
                    + "from is %s",
                spec.from(),
                first,
                earliest,
                dates.get(earliest)));
      }
    }
    if (spec.to() != null) {
      last = indexOnOrBefore(dates, spec.to(), "to");
      if (last > latest) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "to %s leaves no %d-day realised loss in the data (last day %s); the latest to is %s",
                spec.to(),
                spec.mporDays(),
                dates.get(dates.size() - 1),
                dates.get(latest)));
      }
    }
    if (first > last) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "no margin days between from %s and to %s",
              dates.get(first),
              dates.get(last)));
    }
    return new int[] {first, last};
  }

  private static int indexOnOrAfter(List<LocalDate> dates, LocalDate day, String name) {
    if (day.isBefore(dates.get(0)) || day.isAfter(dates.get(dates.size() - 1))) {
      throw outside(dates, day, name);
    }
    int i = 0;
    while (dates.get(i).isBefore(day)) {
      i++;
    }
    return i;
  }

  private static int indexOnOrBefore(List<LocalDate> dates, LocalDate day, String name) {
    if (day.isBefore(dates.get(0)) || day.isAfter(dates.get(dates.size() - 1))) {
      throw outside(dates, day, name);
    }
    int i = dates.size() - 1;
    while (dates.get(i).isAfter(day)) {
      i--;
    }
    return i;
  }

  private static IllegalArgumentException outside(
      List<LocalDate> dates, LocalDate day, String name) {
    return new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "%s %s is outside the data, which covers %s .. %s",
            name,
            day,
            dates.get(0),
            dates.get(dates.size() - 1)));
  }
}

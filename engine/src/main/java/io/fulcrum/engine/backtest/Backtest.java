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
    int[] range = range(panel, spec);
    int n = range[1] - range[0] + 1;
    double[] q = quantities(panel, spec.portfolio());
    double[] margins = new double[n];
    // Days are independent (each sees only its own prefix), so they are computed in parallel.
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i ->
                margins[i] =
                    spec.model().margin(new HistoryView(panel, range[0] + i), q, spec.mporDays()));
    List<Day> days = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      days.add(outcome(panel, q, spec.mporDays(), range[0] + i, margins[i]));
    }
    return summarise(data, spec, days);
  }

  /**
   * One margin day of a backtest: the model's margin from rows 0..t and the realised h-day loss.
   *
   * @param loss V(t) - V(t+h), positive = loss
   * @param value V(t)
   * @param price close of the first panel asset on day t
   * @param grossExposure sum |q_a P_a(t)|
   * @param normalisedPnl (V(t) - V(t-1)) / gross exposure on t-1
   * @param breach loss &gt; margin (strictly: a loss equal to the margin is covered)
   */
  public record Day(
      LocalDate date,
      double margin,
      double loss,
      double value,
      double price,
      double grossExposure,
      double normalisedPnl,
      boolean breach) {}

  /**
   * The backtest of the single margin day {@code day} (which must have the model's history before
   * it and an h-day realised loss after it): what {@link #run} computes for that day.
   */
  public static Day day(PricePanel panel, BacktestSpec spec, LocalDate day) {
    int t = panel.dates().indexOf(day);
    if (t < 0) {
      throw new IllegalArgumentException("no price on " + day + " in the panel");
    }
    int earliest = Math.max(spec.model().historyRequired(), 1);
    if (t < earliest || t + spec.mporDays() > panel.size() - 1) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s needs %d days of history before it and a %d-day realised loss after it",
              day,
              earliest,
              spec.mporDays()));
    }
    double[] q = quantities(panel, spec.portfolio());
    double margin = spec.model().margin(new HistoryView(panel, t), q, spec.mporDays());
    return outcome(panel, q, spec.mporDays(), t, margin);
  }

  private static Day outcome(PricePanel panel, double[] q, int h, int t, double margin) {
    double value = value(panel, q, t);
    double loss = value - value(panel, q, t + h);
    double pnl = (value - value(panel, q, t - 1)) / grossExposure(panel, q, t - 1);
    return new Day(
        panel.dates().get(t),
        margin,
        loss,
        value,
        panel.close(0, t),
        grossExposure(panel, q, t),
        pnl,
        loss > margin);
  }

  /**
   * The summary of consecutive margin days (oldest first), as {@link #run} gives it for the same
   * days: coverage, shortfall, the tests of {@link CoverageReport} and {@link Procyclicality}.
   */
  public static BacktestResult summarise(DataStamp data, BacktestSpec spec, List<Day> days) {
    int n = days.size();
    List<LocalDate> dates = new ArrayList<>(n);
    double[] margins = new double[n];
    double[] losses = new double[n];
    double[] values = new double[n];
    double[] prices = new double[n];
    double[] gross = new double[n];
    double[] pnl = new double[n];
    boolean[] breach = new boolean[n];
    List<Breach> breaches = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Day d = days.get(i);
      dates.add(d.date());
      margins[i] = d.margin();
      losses[i] = d.loss();
      values[i] = d.value();
      prices[i] = d.price();
      gross[i] = d.grossExposure();
      pnl[i] = d.normalisedPnl();
      breach[i] = d.breach();
      if (breach[i]) {
        breaches.add(new Breach(dates.get(i), margins[i], losses[i], losses[i] - margins[i]));
      }
    }
    return summarise(
        data,
        spec,
        List.copyOf(dates),
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

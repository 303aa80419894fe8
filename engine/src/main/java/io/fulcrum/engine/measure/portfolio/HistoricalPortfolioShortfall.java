package io.fulcrum.engine.measure.portfolio;

import io.fulcrum.engine.measure.HistoricalPortfolio;
import io.fulcrum.engine.measure.InsufficientHistory;
import io.fulcrum.engine.measure.MeasureParameters;
import io.fulcrum.engine.measure.MeasureResult;
import io.fulcrum.engine.measure.support.HoldingPeriod;
import io.fulcrum.engine.measure.support.Losses;
import io.fulcrum.engine.measure.support.MeasureArguments;
import io.fulcrum.engine.measure.support.SingleKindMeasure;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Expected shortfall of the P&amp;L of a {@link HistoricalPortfolio} by historical simulation with
 * full revaluation. For each scenario k (one per historical window), every underlying j moves by
 * its scenario return R_jk jointly with the others (the day's cross-asset dependence is kept), the
 * whole portfolio is revalued ({@link PortfolioRevaluation}: futures linearly, options with
 * Black-76 at unchanged implied volatility and expiry), and P&amp;L_k = value' - value. The result
 * is the Acerbi-Tasche expected shortfall of the P&amp;L vector at alpha ({@link
 * Losses#acerbiTasche}), a positive money amount (negative if even the tail gains), in the
 * portfolio's currency.
 *
 * <p>Margin period of risk h ({@code horizonDays}, default 2): {@code overlapping} (default) turns
 * the one-day scenario returns of each underlying into the n - h + 1 overlapping h-day compounded
 * returns prod(1 + x) - 1 and revalues under those; {@code sqrt-time} revalues under one-day moves
 * and multiplies the ES by sqrt(h) (exact only for a linear portfolio with i.i.d. Gaussian
 * returns). A scenario return below -99% is capped at -99% (a price cannot become negative),
 * counted in {@code details.cappedMoves}.
 *
 * <p>Common parameters: {@code alpha} (default 0.99), {@code horizonDays}, {@code horizonMethod},
 * {@code lookbackDays} (use only the last N one-day returns; default all), {@code
 * minimumObservations} (one-day returns required, default 250; fewer raises {@link
 * InsufficientHistory}). Subclasses choose the one-day scenario returns. Stateless; thread-safe.
 */
abstract class HistoricalPortfolioShortfall extends SingleKindMeasure<HistoricalPortfolio> {

  static final String LOOKBACK = "lookbackDays";
  static final String MINIMUM = "minimumObservations";
  static final double MOVE_FLOOR = -0.99;

  protected HistoricalPortfolioShortfall(String name, Set<String> ownParameters) {
    super(name, HistoricalPortfolio.class, "a portfolio with return history", union(ownParameters));
  }

  private static Set<String> union(Set<String> own) {
    TreeSet<String> all = new TreeSet<>(own);
    all.addAll(
        List.of(
            MeasureArguments.ALPHA, HoldingPeriod.DAYS, HoldingPeriod.METHOD, LOOKBACK, MINIMUM));
    return all;
  }

  /** The window [from, to) of one-day returns a measure uses, and where its figures go. */
  protected record Window(
      int from, int to, SortedMap<String, Object> inputs, SortedMap<String, Object> details) {
    int size() {
      return to - from;
    }
  }

  @Override
  protected final MeasureResult evaluateOn(HistoricalPortfolio in, MeasureParameters parameters) {
    double alpha = MeasureArguments.alpha(parameters);
    TreeMap<String, String> withDefaults =
        new TreeMap<>(Map.of(HoldingPeriod.DAYS, "2", HoldingPeriod.METHOD, "overlapping"));
    withDefaults.putAll(parameters.values());
    HoldingPeriod holding = HoldingPeriod.from(new MeasureParameters(withDefaults));
    int lookback = MeasureArguments.positiveInteger(parameters, LOOKBACK, Integer.MAX_VALUE);
    int minimum = MeasureArguments.positiveInteger(parameters, MINIMUM, 250);
    Window window = window(in, Math.max(0, in.days() - lookback), in.days(), parameters);
    if (window.size() < minimum) {
      throw new InsufficientHistory(
          String.format(
              java.util.Locale.ROOT,
              "measure '%s' needs at least %d daily returns (minimumObservations) but the history gives %d",
              name(),
              minimum,
              window.size()));
    }
    SortedMap<String, Object> inputs = window.inputs();
    inputs.put("n", window.size());
    inputs.put("input", in.summary());
    inputs.put(MeasureArguments.ALPHA, alpha);
    inputs.put(MINIMUM, minimum);
    inputs.put(LOOKBACK, lookback == Integer.MAX_VALUE ? "all" : lookback);
    inputs.put("from", in.dates().get(window.from()).toString());
    inputs.put("to", in.dates().get(window.to() - 1).toString());
    inputs.put("rate", in.portfolio().rate());
    inputs.put("underlyingPrices", in.portfolio().underlyingPrices());
    inputs.put("marketData", in.marketData());
    holding.describe(inputs, window.size());

    PortfolioRevaluation revaluation = new PortfolioRevaluation(in.portfolio());
    List<String> underlyings = revaluation.underlyings();
    double[][] oneDay = new double[underlyings.size()][];
    for (int j = 0; j < underlyings.size(); j++) {
      oneDay[j] =
          scenarioReturns(
              underlyings.get(j), in.returns().get(underlyings.get(j)), window, parameters);
    }
    boolean overlapping =
        holding.method() == HoldingPeriod.Method.OVERLAPPING && holding.days() > 1;
    int h = overlapping ? holding.days() : 1;
    int count = window.size() - h + 1;
    if (count < 1) {
      throw new InsufficientHistory(
          "horizonDays "
              + holding.days()
              + " leaves no overlapping window in "
              + window.size()
              + " daily returns");
    }
    double[] pnl = new double[count];
    double[] moves = new double[underlyings.size()];
    int capped = 0;
    for (int k = 0; k < count; k++) {
      for (int j = 0; j < moves.length; j++) {
        double growth = 1.0;
        for (int d = k; d < k + h; d++) {
          growth *= 1.0 + oneDay[j][d];
        }
        moves[j] = growth - 1.0;
        if (moves[j] < MOVE_FLOOR) {
          moves[j] = MOVE_FLOOR;
          capped++;
        }
      }
      pnl[k] = revaluation.pnl(moves);
    }
    double es = Losses.acerbiTasche(pnl, alpha) * (overlapping ? 1.0 : Math.sqrt(holding.days()));
    describeTail(pnl, alpha, in.dates(), window.from() + h - 1, window.details());
    window.details().put("cappedMoves", capped);
    return new MeasureResult(name(), es, in.portfolio().currency(), inputs, window.details());
  }

  /**
   * Chooses the window of one-day returns, starting from the last {@code lookbackDays} [from, to);
   * the default keeps it.
   */
  protected Window window(HistoricalPortfolio in, int from, int to, MeasureParameters parameters) {
    return new Window(from, to, new TreeMap<>(), new TreeMap<>());
  }

  /** The one-day scenario returns of {@code underlying} over the window (length window.size()). */
  protected abstract double[] scenarioReturns(
      String underlying,
      HistoricalPortfolio.UnderlyingReturns returns,
      Window window,
      MeasureParameters parameters);

  private static void describeTail(
      double[] pnl,
      double alpha,
      List<LocalDate> dates,
      int firstEnd,
      SortedMap<String, Object> details) {
    int worst = 0;
    for (int k = 1; k < pnl.length; k++) {
      if (pnl[k] < pnl[worst]) {
        worst = k;
      }
    }
    details.put("scenarios", pnl.length);
    details.put("tailScenarios", pnl.length * (1.0 - alpha));
    details.put("worstScenarioEnd", dates.get(firstEnd + worst).toString());
    details.put("worstScenarioPnl", pnl[worst]);
  }

  /** {@code values[from, to)}. */
  static double[] slice(double[] values, int from, int to) {
    return Arrays.copyOfRange(values, from, to);
  }
}

package io.fulcrum.engine.measure.portfolio;

import io.fulcrum.engine.measure.DerivativesPortfolio;
import io.fulcrum.engine.measure.DerivativesPortfolio.EuropeanOption;
import io.fulcrum.engine.measure.DerivativesPortfolio.Future;
import io.fulcrum.engine.measure.DerivativesPortfolio.OptionRight;
import io.fulcrum.engine.measure.HistoricalPortfolio;
import io.fulcrum.engine.measure.HistoricalPortfolio.UnderlyingReturns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The books of the hand-computed reference rows (measure-reference/hand-computed.txt). */
final class HistoricalPortfolioBooks {

  static final double[] X = {0.02, -0.01, -0.05, 0.03, -0.02};
  static final double[] Y = {0.01, 0.02, -0.04, 0.00, 0.01};

  private HistoricalPortfolioBooks() {}

  /** Returns end on 2026-01-01 .. 2026-01-05. */
  static HistoricalPortfolio book(String name) {
    return switch (name) {
      case "perp-small5" -> of(Map.of("X", 100.0), List.of(new Future("X-PERP", "X", 10.0)));
      case "pair5" ->
          of(
              Map.of("X", 100.0, "Y", 50.0),
              List.of(new Future("X-PERP", "X", 1.0), new Future("Y-PERP", "Y", -2.0)));
      case "call5" ->
          of(
              Map.of("X", 100.0),
              List.of(
                  new EuropeanOption("X-C100", "X", 1.0, OptionRight.CALL, 100.0, 0.25, 0.5),
                  new Future("X-PERP", "X", -0.5)));
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** pair5's positions on {@code n} seeded random returns (for defaults: 250 returns minimum). */
  static HistoricalPortfolio randomPair(int n) {
    java.util.Random random = new java.util.Random(42);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 0.03 * random.nextGaussian();
      y[i] = 0.6 * x[i] + 0.02 * random.nextGaussian();
    }
    return with(
        Map.of("X", 100.0, "Y", 50.0),
        List.of(new Future("X-PERP", "X", 1.0), new Future("Y-PERP", "Y", -2.0)),
        x,
        y);
  }

  static HistoricalPortfolio of(
      Map<String, Double> prices, List<DerivativesPortfolio.Position> positions) {
    return with(prices, positions, X, Y);
  }

  static HistoricalPortfolio with(
      Map<String, Double> prices,
      List<DerivativesPortfolio.Position> positions,
      double[] x,
      double[] y) {
    List<LocalDate> dates = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      dates.add(LocalDate.of(2026, 1, 1).plusDays(i));
    }
    TreeMap<String, UnderlyingReturns> returns = new TreeMap<>();
    returns.put("X", new UnderlyingReturns(x, null));
    returns.put("Y", new UnderlyingReturns(y, null));
    return new HistoricalPortfolio(
        DerivativesPortfolio.of("USDT", 0.0, prices, positions),
        dates,
        returns,
        new TreeMap<>(Map.of("inlineHash", "test")));
  }
}

package io.fulcrum.engine.measure.portfolio;

import io.fulcrum.engine.measure.DerivativesPortfolio;
import io.fulcrum.engine.measure.DerivativesPortfolio.EuropeanOption;
import io.fulcrum.engine.measure.DerivativesPortfolio.Position;
import io.fulcrum.engine.measure.scenario.Black76;
import java.util.List;

/**
 * Full revaluation of a {@link DerivativesPortfolio} when its underlyings move: futures and
 * perpetuals at quantity x F', European options with {@link Black76} at F' = F (1 + move), their
 * own implied volatility and expiry (no time decay and no volatility change over the horizon).
 * Current values are computed once. Immutable; thread-safe.
 */
final class PortfolioRevaluation {

  private final DerivativesPortfolio portfolio;
  private final List<String> underlyings;
  private final int[] underlyingOf;
  private final double[] baseValues;

  PortfolioRevaluation(DerivativesPortfolio portfolio) {
    this.portfolio = portfolio;
    this.underlyings = List.copyOf(portfolio.underlyingPrices().keySet());
    List<Position> positions = portfolio.positions();
    this.underlyingOf = new int[positions.size()];
    this.baseValues = new double[positions.size()];
    for (int i = 0; i < positions.size(); i++) {
      Position p = positions.get(i);
      underlyingOf[i] = underlyings.indexOf(p.underlying());
      baseValues[i] = value(p, portfolio.underlyingPrices().get(p.underlying()));
    }
  }

  /** Underlyings in name order: the index order of {@link #pnl(double[])}'s argument. */
  List<String> underlyings() {
    return underlyings;
  }

  /**
   * Portfolio P&amp;L (positive = gain) when underlying j moves by {@code moves[j]} (a simple
   * return, &gt; -1), in the order of {@link #underlyings()}.
   */
  double pnl(double[] moves) {
    double pnl = 0.0;
    List<Position> positions = portfolio.positions();
    for (int i = 0; i < positions.size(); i++) {
      Position p = positions.get(i);
      double forward = portfolio.underlyingPrices().get(p.underlying()) * (1.0 + moves[underlyingOf[i]]);
      pnl += value(p, forward) - baseValues[i];
    }
    return pnl;
  }

  private double value(Position p, double forward) {
    if (p instanceof EuropeanOption o) {
      return o.quantity()
          * Black76.price(o.right(), forward, o.strike(), o.expiryYears(), o.impliedVol(), portfolio.rate());
    }
    return p.quantity() * forward;
  }
}

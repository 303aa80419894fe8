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
 *
 * <p>Everything that does not depend on the scenario is prepared once: current values, each
 * position's underlying index and quantity in primitive arrays, and each option's {@link
 * Black76.Fixed} terms (sigma sqrt T, discount), so a scenario costs one multiplication per
 * underlying and one Black-76 price per option, with no allocation. Immutable; thread-safe.
 */
final class PortfolioRevaluation {

  private final List<String> underlyings;
  private final double[] prices;
  private final int[] underlyingOf;
  private final double[] quantities;

  /** Null for a linear position. */
  private final Black76.Fixed[] options;

  private final double[] baseValues;

  PortfolioRevaluation(DerivativesPortfolio portfolio) {
    this.underlyings = List.copyOf(portfolio.underlyingPrices().keySet());
    this.prices = new double[underlyings.size()];
    for (int j = 0; j < prices.length; j++) {
      prices[j] = portfolio.underlyingPrices().get(underlyings.get(j));
    }
    List<Position> positions = portfolio.positions();
    int n = positions.size();
    this.underlyingOf = new int[n];
    this.quantities = new double[n];
    this.options = new Black76.Fixed[n];
    for (int i = 0; i < n; i++) {
      Position p = positions.get(i);
      underlyingOf[i] = underlyings.indexOf(p.underlying());
      quantities[i] = p.quantity();
      if (p instanceof EuropeanOption o) {
        options[i] =
            Black76.of(o.right(), o.strike(), o.expiryYears(), o.impliedVol(), portfolio.rate());
      }
    }
    this.baseValues = new double[n];
    for (int i = 0; i < n; i++) {
      baseValues[i] = value(i, prices[underlyingOf[i]]);
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
    for (int i = 0; i < quantities.length; i++) {
      int j = underlyingOf[i];
      pnl += value(i, prices[j] * (1.0 + moves[j])) - baseValues[i];
    }
    return pnl;
  }

  private double value(int i, double forward) {
    Black76.Fixed option = options[i];
    return option == null ? quantities[i] * forward : quantities[i] * option.price(forward);
  }
}

package io.fulcrum.engine.backtest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A static book of linear positions (spot, perpetuals, delta-one futures) held through the
 * backtest: position i holds {@code quantity} units of {@code asset}, signed (short &lt; 0). Its
 * value on day t is sum_i q_i P_i(t); its h-day loss from t is V(t) - V(t + h).
 *
 * @param name for reports
 * @param currency of prices and margins, e.g. USD
 * @param positions at least one
 */
public record BacktestPortfolio(String name, String currency, List<Holding> positions) {

  /** One position: {@code quantity} units of {@code asset} (signed, non-zero). */
  public record Holding(String asset, double quantity) {
    public Holding {
      if (asset == null || asset.isBlank()) {
        throw new IllegalArgumentException("positions[].asset is required");
      }
      if (!Double.isFinite(quantity) || quantity == 0.0) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "positions[].quantity of %s must be a non-zero number but was %s",
                asset,
                quantity));
      }
    }
  }

  public BacktestPortfolio {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(currency, "currency");
    positions = List.copyOf(positions);
    if (positions.isEmpty()) {
      throw new IllegalArgumentException("portfolio " + name + " must have at least one position");
    }
  }

  /** Distinct assets in order of first appearance. */
  public List<String> assets() {
    Set<String> assets = new LinkedHashSet<>();
    positions.forEach(p -> assets.add(p.asset()));
    return List.copyOf(assets);
  }

  /** Net quantity per asset, in the order of {@link #assets()}. */
  public double[] netQuantities() {
    List<String> assets = assets();
    double[] q = new double[assets.size()];
    for (Holding h : positions) {
      q[assets.indexOf(h.asset())] += h.quantity();
    }
    return q;
  }
}

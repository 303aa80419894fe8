package io.fulcrum.engine.measure;

import java.util.List;
import java.util.Objects;

/**
 * Money exposures to several assets with a joint history of their simple returns: what the {@code
 * portfolio-var} measure works on.
 *
 * @param currency currency of the exposures and results
 * @param assets asset names, distinct, at least one
 * @param exposures signed money value held in each asset (delta x price), one per asset
 * @param returns {@code returns[t][j]}: simple return of asset j on day t, oldest first; every row
 *     has one column per asset; finite. Copied on construction and access.
 */
public record MultiAssetPortfolio(
    String currency, List<String> assets, double[] exposures, double[][] returns)
    implements MeasureInput {

  public MultiAssetPortfolio {
    Objects.requireNonNull(currency, "currency");
    assets = List.copyOf(assets);
    if (assets.isEmpty() || assets.stream().distinct().count() != assets.size()) {
      throw new IllegalArgumentException("assets must be distinct and non-empty but was " + assets);
    }
    if (exposures == null || exposures.length != assets.size()) {
      throw new IllegalArgumentException(
          "exposures must have one value per asset ("
              + assets.size()
              + ") but had "
              + (exposures == null ? "none" : exposures.length));
    }
    requireFinite("exposures", exposures);
    exposures = exposures.clone();
    if (returns == null || returns.length == 0) {
      throw new IllegalArgumentException("returns must not be empty");
    }
    double[][] copy = new double[returns.length][];
    for (int t = 0; t < returns.length; t++) {
      if (returns[t] == null || returns[t].length != assets.size()) {
        throw new IllegalArgumentException(
            "returns[" + t + "] must have one value per asset (" + assets.size() + ")");
      }
      requireFinite("returns[" + t + "]", returns[t]);
      copy[t] = returns[t].clone();
    }
    returns = copy;
  }

  @Override
  public double[] exposures() {
    return exposures.clone();
  }

  @Override
  public double[][] returns() {
    double[][] copy = new double[returns.length][];
    for (int t = 0; t < returns.length; t++) {
      copy[t] = returns[t].clone();
    }
    return copy;
  }

  /** Days of history. */
  public int days() {
    return returns.length;
  }

  @Override
  public String summary() {
    return "portfolio assets=" + assets.size() + " days=" + returns.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MultiAssetPortfolio other
        && currency.equals(other.currency)
        && assets.equals(other.assets)
        && java.util.Arrays.equals(exposures, other.exposures)
        && java.util.Arrays.deepEquals(returns, other.returns);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        currency,
        assets,
        java.util.Arrays.hashCode(exposures),
        java.util.Arrays.deepHashCode(returns));
  }

  @Override
  public String toString() {
    return "MultiAssetPortfolio[" + summary() + "]";
  }

  private static void requireFinite(String name, double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            name + "[" + i + "] must be a finite number but was " + values[i]);
      }
    }
  }
}

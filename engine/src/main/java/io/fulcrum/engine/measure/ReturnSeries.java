package io.fulcrum.engine.measure;

import java.util.Arrays;

/**
 * Simple returns r_1..r_n as fractions (0.01 = +1%), oldest first. Losses are {@code -r}.
 *
 * @param returns copied on construction and on access; no NaN or infinite values, each above -1 (a
 *     simple return of -100% or less would need a price at or below zero)
 */
public record ReturnSeries(double[] returns) implements MeasureInput {

  public ReturnSeries {
    if (returns == null || returns.length == 0) {
      throw new IllegalArgumentException("returns must not be empty");
    }
    for (int i = 0; i < returns.length; i++) {
      if (!Double.isFinite(returns[i])) {
        throw new IllegalArgumentException(
            "returns[" + i + "] must be a finite number but was " + returns[i]);
      }
      if (returns[i] <= -1.0) {
        throw new IllegalArgumentException(
            "returns["
                + i
                + "] must be > -1 (a simple return p(t)/p(t-1) - 1 of a price cannot reach -100%)"
                + " but was "
                + returns[i]);
      }
    }
    returns = returns.clone();
  }

  public static ReturnSeries of(double... returns) {
    return new ReturnSeries(returns);
  }

  @Override
  public double[] returns() {
    return returns.clone();
  }

  public int size() {
    return returns.length;
  }

  /** The i-th return, 0-based, without copying the series. */
  public double get(int i) {
    return returns[i];
  }

  @Override
  public String summary() {
    return "returns n=" + returns.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReturnSeries other && Arrays.equals(returns, other.returns);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(returns);
  }

  @Override
  public String toString() {
    return "ReturnSeries[n=" + returns.length + "]";
  }
}

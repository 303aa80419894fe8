package io.fulcrum.engine.measure;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Futures, perpetuals and European options on some underlyings, with the market data a scenario
 * revaluation needs: what the {@code scenario-grid} measure works on.
 *
 * @param currency settlement currency of prices and results, e.g. {@code USDT}
 * @param rate continuously compounded risk-free rate per year, used to discount option values
 * @param underlyingPrices current futures/perpetual price of each underlying (the forward F in
 *     Black-76), &gt; 0
 * @param positions at least one; each on an underlying in {@code underlyingPrices}
 */
public record DerivativesPortfolio(
    String currency,
    double rate,
    SortedMap<String, Double> underlyingPrices,
    List<Position> positions)
    implements MeasureInput {

  public DerivativesPortfolio {
    Objects.requireNonNull(currency, "currency");
    requireFinite("rate", rate);
    underlyingPrices = Collections.unmodifiableSortedMap(new TreeMap<>(underlyingPrices));
    underlyingPrices.forEach((u, price) -> requirePositive("underlyingPrices[" + u + "]", price));
    positions = List.copyOf(positions);
    if (positions.isEmpty()) {
      throw new IllegalArgumentException("positions must not be empty");
    }
    for (Position p : positions) {
      if (!underlyingPrices.containsKey(p.underlying())) {
        throw new IllegalArgumentException(
            "underlyingPrices must contain the underlying of every position but has no price for '"
                + p.underlying()
                + "' ("
                + p.instrument()
                + ")");
      }
    }
  }

  public static DerivativesPortfolio of(
      String currency, double rate, Map<String, Double> prices, List<Position> positions) {
    return new DerivativesPortfolio(currency, rate, new TreeMap<>(prices), positions);
  }

  /** One position; quantity is signed (positive long) and in units of the underlying. */
  public sealed interface Position permits Future, EuropeanOption {
    String instrument();

    String underlying();

    double quantity();
  }

  /** A futures or perpetual position: value = quantity x F. */
  public record Future(String instrument, String underlying, double quantity) implements Position {
    public Future {
      Objects.requireNonNull(instrument, "instrument");
      Objects.requireNonNull(underlying, "underlying");
      requireFinite("quantity of " + instrument, quantity);
    }
  }

  /** Call or put. */
  public enum OptionRight {
    CALL,
    PUT
  }

  /**
   * A European option on the underlying's futures price, valued with Black-76.
   *
   * @param strike &gt; 0, in the settlement currency
   * @param expiryYears time to expiry in years, &gt; 0
   * @param impliedVol annualised implied volatility as a fraction, &gt; 0
   */
  public record EuropeanOption(
      String instrument,
      String underlying,
      double quantity,
      OptionRight right,
      double strike,
      double expiryYears,
      double impliedVol)
      implements Position {
    public EuropeanOption {
      Objects.requireNonNull(instrument, "instrument");
      Objects.requireNonNull(underlying, "underlying");
      Objects.requireNonNull(right, "right");
      requireFinite("quantity of " + instrument, quantity);
      requirePositive("strike of " + instrument, strike);
      requirePositive("expiryYears of " + instrument, expiryYears);
      requirePositive("impliedVol of " + instrument, impliedVol);
    }
  }

  @Override
  public String summary() {
    return "derivatives n=" + positions.size() + " underlyings=" + underlyingPrices.keySet();
  }

  private static void requireFinite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number but was " + value);
    }
  }

  private static void requirePositive(String name, double value) {
    if (!(value > 0.0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be > 0 and finite but was " + value);
    }
  }
}

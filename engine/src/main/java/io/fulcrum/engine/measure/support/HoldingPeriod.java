package io.fulcrum.engine.measure.support;

import io.fulcrum.engine.measure.MeasureParameters;
import java.util.Arrays;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The holding period (margin period of risk) of a series measure: {@code horizonDays} = h and how a
 * one-day series is taken to h days ({@code horizonMethod}).
 *
 * <ul>
 *   <li>{@code sqrt-time}: the measure of the one-day series times sqrt(h) (square-root-of-time
 *       rule; exact for i.i.d. zero-mean Gaussian returns, an approximation otherwise).
 *   <li>{@code overlapping}: the measure of the n - h + 1 overlapping h-day outcomes (compounded
 *       returns, summed P&amp;L); overlapping windows are serially dependent, so the effective
 *       sample is smaller than it looks.
 * </ul>
 *
 * With h = 1 both methods give the one-day measure. Reference: Basel Committee, "Minimum capital
 * requirements for market risk" (2019), MAR33.
 *
 * @param days h, at least 1
 * @param method how the horizon is reached
 */
public record HoldingPeriod(int days, Method method) {

  public static final String DAYS = "horizonDays";
  public static final String METHOD = "horizonMethod";

  /** How a one-day series is taken to h days. */
  public enum Method {
    SQRT_TIME("sqrt-time"),
    OVERLAPPING("overlapping");

    private final String label;

    Method(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    static Method parse(String text) {
      for (Method m : values()) {
        if (m.label.equalsIgnoreCase(text.trim())) {
          return m;
        }
      }
      throw MeasureArguments.invalid(
          METHOD, "one of " + Arrays.stream(values()).map(Method::label).toList(), text);
    }
  }

  public HoldingPeriod {
    if (days < 1) {
      throw MeasureArguments.invalid(DAYS, ">= 1", days);
    }
  }

  /** From {@code horizonDays} (default 1) and {@code horizonMethod} (default sqrt-time). */
  public static HoldingPeriod from(MeasureParameters parameters) {
    int days = MeasureArguments.positiveInteger(parameters, DAYS, 1);
    return new HoldingPeriod(days, Method.parse(parameters.text(METHOD, "sqrt-time")));
  }

  /**
   * Applies {@code statistic} over this holding period.
   *
   * @param minimum observations the statistic needs; checked after aggregation
   */
  public double apply(Observations oneDay, int minimum, ToDoubleFunction<Observations> statistic) {
    if (method == Method.SQRT_TIME || days == 1) {
      return statistic.applyAsDouble(oneDay) * Math.sqrt(days);
    }
    Observations aggregated = oneDay.overlapping(days);
    if (aggregated.size() < minimum) {
      throw MeasureArguments.invalid(
          DAYS,
          "small enough to leave "
              + minimum
              + " overlapping windows in "
              + oneDay.size()
              + " observations",
          days);
    }
    return statistic.applyAsDouble(aggregated);
  }

  /** Observations the statistic sees: n for sqrt-time, n - h + 1 for overlapping. */
  public int observationsUsed(int n) {
    return method == Method.OVERLAPPING ? n - days + 1 : n;
  }

  /** Records h, the method and the observations used into an inputs summary. */
  public void describe(Map<String, Object> inputs, int n) {
    inputs.put(DAYS, days);
    inputs.put(METHOD, method.label());
    inputs.put("observationsUsed", observationsUsed(n));
  }
}

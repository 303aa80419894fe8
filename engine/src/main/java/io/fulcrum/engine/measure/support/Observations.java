package io.fulcrum.engine.measure.support;

import io.fulcrum.engine.measure.MeasureInput;
import io.fulcrum.engine.measure.PnlVector;
import io.fulcrum.engine.measure.ReturnSeries;

/**
 * A one-period series of outcomes, gains positive, as a series measure sees it: simple returns
 * (fractions) or P&amp;L (money). Losses are the negated values.
 *
 * @param values outcomes, oldest first; not copied (internal use)
 * @param kind whether the values are returns or money
 */
public record Observations(double[] values, Kind kind) {

  /** What the values are, which fixes the unit of the result and how periods aggregate. */
  public enum Kind {
    /** Simple returns: h-period return = prod(1 + r) - 1. */
    RETURNS("fraction"),
    /** P&amp;L in money: h-period P&amp;L = sum of P&amp;L. */
    PNL("money");

    private final String unit;

    Kind(String unit) {
      this.unit = unit;
    }

    public String unit() {
      return unit;
    }
  }

  /**
   * Reads a {@link ReturnSeries} or a {@link PnlVector}; any other kind is rejected naming the
   * measure.
   */
  public static Observations from(String measure, MeasureInput input) {
    if (input instanceof ReturnSeries series) {
      return new Observations(series.returns(), Kind.RETURNS);
    }
    if (input instanceof PnlVector pnl) {
      return new Observations(pnl.pnl(), Kind.PNL);
    }
    throw MeasureArguments.unsupportedInput(measure, "a return series or a P&L vector", input);
  }

  public int size() {
    return values.length;
  }

  /** The same kind with other values (e.g. a filtered series). */
  public Observations withValues(double[] other) {
    return new Observations(other, kind);
  }

  /** Overlapping h-period outcomes: n - h + 1 windows of h consecutive periods. */
  public Observations overlapping(int periods) {
    int count = values.length - periods + 1;
    double[] aggregated = new double[Math.max(count, 0)];
    for (int start = 0; start < count; start++) {
      aggregated[start] = window(start, periods);
    }
    return withValues(aggregated);
  }

  private double window(int start, int periods) {
    if (kind == Kind.PNL) {
      double sum = 0.0;
      for (int i = start; i < start + periods; i++) {
        sum += values[i];
      }
      return sum;
    }
    double growth = 1.0;
    for (int i = start; i < start + periods; i++) {
      growth *= 1.0 + values[i];
    }
    return growth - 1.0;
  }
}

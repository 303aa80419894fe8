package io.fulcrum.engine.calibration;

import java.util.List;
import java.util.SortedMap;

/**
 * One parameter setting and how its backtest went.
 *
 * @param parameters the varied values (text, as given)
 * @param passes coverage &gt;= target, Kupiec not rejected at 5% for too many breaches, and not in
 *     the red zone
 * @param reasons why it does not pass (empty when it does), or the error that stopped its backtest
 * @param search {@code grid} or {@code brent} (found by the continuous optimizer)
 * @param outsideBounds the manifest bounds this setting breaks, e.g. {@code apcBufferRate 0 is
 *     below its floor 0.25 (EMIR RTS 153/2013 art. 28(1)(a))}; such a candidate is backtested (to
 *     show what the bound costs) but never wins and is not on the frontier
 */
public record Candidate(
    SortedMap<String, String> parameters,
    double averageMargin,
    double peakMargin,
    double coverageRatio,
    int breaches,
    double kupiecPValue,
    String trafficLight,
    double peakToTrough,
    boolean passes,
    List<String> reasons,
    String search,
    List<String> outsideBounds) {

  public Candidate {
    reasons = List.copyOf(reasons);
    outsideBounds = List.copyOf(outsideBounds);
  }

  /** Whether the setting lies within every bound of the manifest. */
  public boolean withinBounds() {
    return outsideBounds.isEmpty();
  }

  /** Passes the backtest and lies within the bounds: may win. */
  public boolean eligible() {
    return passes && withinBounds();
  }

  Candidate withOutsideBounds(List<String> broken) {
    return new Candidate(
        parameters,
        averageMargin,
        peakMargin,
        coverageRatio,
        breaches,
        kupiecPValue,
        trafficLight,
        peakToTrough,
        passes,
        reasons,
        search,
        broken);
  }

  /** A setting whose backtest failed (bad parameter combination): never passes. */
  static Candidate failed(SortedMap<String, String> parameters, String error, String search) {
    return new Candidate(
        parameters,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        0,
        Double.NaN,
        "n/a",
        Double.NaN,
        false,
        List.of(error),
        search,
        List.of());
  }

  /** Whether this is at least as good as {@code o} on margin and coverage and better on one. */
  boolean dominates(Candidate o) {
    return averageMargin <= o.averageMargin
        && coverageRatio >= o.coverageRatio
        && (averageMargin < o.averageMargin || coverageRatio > o.coverageRatio);
  }
}

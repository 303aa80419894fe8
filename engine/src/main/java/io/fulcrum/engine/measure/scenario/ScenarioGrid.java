package io.fulcrum.engine.measure.scenario;

import io.fulcrum.engine.measure.MeasureParameters;
import io.fulcrum.engine.measure.support.MeasureArguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The grid of price moves x volatility shocks: price moves range x i / steps for i = -steps ..
 * steps (default -16% .. +16% in 4% steps), crossed with relative volatility shocks (default -25%,
 * 0, +25%), in the spirit of CME SPAN's risk arrays.
 *
 * @param priceMoveRange largest relative price move, in (0,1)
 * @param priceMoveSteps grid points on each side of zero, at least 1
 * @param volShocks relative shocks of implied volatility, each &gt; -1, at least one
 */
public record ScenarioGrid(double priceMoveRange, int priceMoveSteps, List<Double> volShocks) {

  public static final String RANGE = "priceMoveRange";
  public static final String STEPS = "priceMoveSteps";
  public static final String VOL_SHOCKS = "volShocks";

  public ScenarioGrid {
    if (!(priceMoveRange > 0.0 && priceMoveRange < 1.0)) {
      throw MeasureArguments.invalid(RANGE, "in (0,1)", priceMoveRange);
    }
    if (priceMoveSteps < 1) {
      throw MeasureArguments.invalid(STEPS, ">= 1", priceMoveSteps);
    }
    volShocks = List.copyOf(volShocks);
    if (volShocks.isEmpty() || volShocks.stream().anyMatch(v -> !(v > -1.0))) {
      throw MeasureArguments.invalid(VOL_SHOCKS, "a non-empty list of numbers > -1", volShocks);
    }
  }

  /** From {@value #RANGE} (default 0.16), {@value #STEPS} (default 4), {@value #VOL_SHOCKS}. */
  public static ScenarioGrid from(MeasureParameters parameters) {
    double range = parameters.number(RANGE, 0.16);
    int steps = parameters.integer(STEPS, 4);
    String shocks = parameters.text(VOL_SHOCKS, "-0.25,0,0.25");
    List<Double> parsed = new ArrayList<>();
    for (String part : shocks.split(",")) {
      parsed.add(MeasureParameters.of(Map.of(VOL_SHOCKS, part)).number(VOL_SHOCKS, 0.0));
    }
    return new ScenarioGrid(range, steps, parsed);
  }

  /** range x i / steps for i = -steps .. steps. */
  public List<Double> priceMoves() {
    List<Double> moves = new ArrayList<>();
    for (int i = -priceMoveSteps; i <= priceMoveSteps; i++) {
      moves.add(priceMoveRange * i / priceMoveSteps);
    }
    return moves;
  }

  /** Every (price move, vol shock) pair, price moves outer. */
  public List<Scenario> scenarios() {
    List<Scenario> all = new ArrayList<>();
    for (double move : priceMoves()) {
      for (double shock : volShocks) {
        all.add(new Scenario(move, shock));
      }
    }
    return all;
  }

  /** Records the grid settings into an inputs summary. */
  public void describe(Map<String, Object> inputs) {
    inputs.put(RANGE, priceMoveRange);
    inputs.put(STEPS, priceMoveSteps);
    inputs.put(VOL_SHOCKS, volShocks);
  }
}

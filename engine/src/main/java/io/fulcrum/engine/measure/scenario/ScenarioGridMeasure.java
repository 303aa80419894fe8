package io.fulcrum.engine.measure.scenario;

import io.fulcrum.engine.measure.DerivativesPortfolio;
import io.fulcrum.engine.measure.DerivativesPortfolio.EuropeanOption;
import io.fulcrum.engine.measure.DerivativesPortfolio.Future;
import io.fulcrum.engine.measure.DerivativesPortfolio.Position;
import io.fulcrum.engine.measure.MeasureParameters;
import io.fulcrum.engine.measure.MeasureResult;
import io.fulcrum.engine.measure.support.SingleKindMeasure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code scenario-grid}: the worst loss of a {@link DerivativesPortfolio} over a {@link
 * ScenarioGrid} of price moves and volatility shocks (the exchange portfolio-margining / SPAN
 * scanning-risk idea).
 *
 * <p>For each underlying u and scenario s = (m, v) the positions on u are revalued with F' = F (1 +
 * m) and every option's sigma' = sigma (1 + v): futures and perpetuals at quantity x F', European
 * options with {@link Black76} at the same expiry (no time decay over the horizon). loss_u(s) =
 * value now - value under s. The margin is sum over u of max(0, max_s loss_u(s)): each underlying
 * is scanned on its own and the worst losses are added, with no credit between underlyings, so the
 * margin is at least the loss of any joint scenario. Units: the portfolio's currency. The details
 * list the worst scenario of each underlying.
 *
 * <p>Parameters: {@code priceMoveRange} (default 0.16), {@code priceMoveSteps} (per side, default
 * 4), {@code volShocks} (comma list, default {@code -0.25,0,0.25}). Stateless; thread-safe.
 */
public final class ScenarioGridMeasure extends SingleKindMeasure<DerivativesPortfolio> {

  public ScenarioGridMeasure() {
    super(
        "scenario-grid",
        DerivativesPortfolio.class,
        "a derivatives portfolio",
        Set.of(ScenarioGrid.RANGE, ScenarioGrid.STEPS, ScenarioGrid.VOL_SHOCKS));
  }

  @Override
  protected MeasureResult evaluateOn(DerivativesPortfolio portfolio, MeasureParameters parameters) {
    ScenarioGrid grid = ScenarioGrid.from(parameters);
    TreeMap<String, Object> inputs = new TreeMap<>();
    inputs.put("n", portfolio.positions().size());
    inputs.put("input", portfolio.summary());
    inputs.put("rate", portfolio.rate());
    inputs.put("underlyingPrices", portfolio.underlyingPrices());
    grid.describe(inputs);
    double margin = 0.0;
    List<Map<String, Object>> worst = new ArrayList<>();
    for (String underlying : portfolio.underlyingPrices().keySet()) {
      Scenario scenario = worstScenario(portfolio, underlying, grid);
      double loss = loss(portfolio, underlying, scenario);
      margin += Math.max(0.0, loss);
      worst.add(
          Map.of(
              "underlying",
              underlying,
              "priceMove",
              scenario.priceMove(),
              "volShock",
              scenario.volShock(),
              "loss",
              loss));
    }
    TreeMap<String, Object> details = new TreeMap<>();
    details.put("worstScenarios", worst);
    details.put("scenariosPerUnderlying", grid.scenarios().size());
    return new MeasureResult(name(), margin, portfolio.currency(), inputs, details);
  }

  private static Scenario worstScenario(
      DerivativesPortfolio portfolio, String underlying, ScenarioGrid grid) {
    Scenario worst = null;
    double worstLoss = Double.NEGATIVE_INFINITY;
    for (Scenario s : grid.scenarios()) {
      double loss = loss(portfolio, underlying, s);
      if (loss > worstLoss) {
        worstLoss = loss;
        worst = s;
      }
    }
    return worst;
  }

  /** Loss of the whole portfolio when each underlying moves by its scenario (absent: unchanged). */
  public static double loss(DerivativesPortfolio portfolio, Map<String, Scenario> byUnderlying) {
    double total = 0.0;
    for (String underlying : portfolio.underlyingPrices().keySet()) {
      total +=
          loss(portfolio, underlying, byUnderlying.getOrDefault(underlying, Scenario.UNCHANGED));
    }
    return total;
  }

  /** Value now minus value under {@code scenario} of the positions on {@code underlying}. */
  public static double loss(DerivativesPortfolio portfolio, String underlying, Scenario scenario) {
    double price = portfolio.underlyingPrices().get(underlying);
    double loss = 0.0;
    for (Position p : portfolio.positions()) {
      if (p.underlying().equals(underlying)) {
        loss +=
            value(p, price, Scenario.UNCHANGED, portfolio.rate())
                - value(p, price, scenario, portfolio.rate());
      }
    }
    return loss;
  }

  private static double value(Position position, double price, Scenario s, double rate) {
    double forward = price * (1.0 + s.priceMove());
    if (position instanceof Future) {
      return position.quantity() * forward;
    }
    EuropeanOption o = (EuropeanOption) position;
    double vol = o.impliedVol() * (1.0 + s.volShock());
    return o.quantity() * Black76.price(o.right(), forward, o.strike(), o.expiryYears(), vol, rate);
  }
}

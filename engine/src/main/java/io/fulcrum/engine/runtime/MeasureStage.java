package io.fulcrum.engine.runtime;

import io.fulcrum.engine.decision.Rounding;
import io.fulcrum.engine.domain.Instrument;
import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.explain.ExplanationRecorder;
import io.fulcrum.engine.explain.MeasureCalled;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.measure.InsufficientHistory;
import io.fulcrum.engine.measure.MeasureInput;
import io.fulcrum.engine.measure.MeasureResult;
import io.fulcrum.engine.measure.PortfolioExposure;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.CompiledPolicy.BoundMeasure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Calls the policy's risk measures, in manifest order, and turns results into facts. Input kinds of
 * a measure binding: {@code portfolio} (positions at marks), {@code derivatives} (positions as a
 * revaluable derivatives portfolio) and {@code portfolio-history} (that portfolio with the daily
 * returns of its underlyings from {@code market.history}); see {@link PortfolioInputs}.
 */
final class MeasureStage {

  private MeasureStage() {}

  static List<MeasureFact> run(
      CompiledPolicy policy,
      MarginRequest request,
      MarketDataSets dataSets,
      ExplanationRecorder recorder) {
    List<MeasureFact> facts = new ArrayList<>();
    if (policy.measures().isEmpty()) {
      return facts;
    }
    PortfolioExposure portfolio = portfolio(request);
    PortfolioInputs inputs = new PortfolioInputs(request, dataSets);
    for (BoundMeasure bound : policy.measures()) {
      MeasureInput input =
          switch (bound.input()) {
            case "portfolio" -> portfolio;
            case "derivatives" -> inputs.derivatives();
            case "portfolio-history" -> inputs.history();
            default ->
                throw new PolicyEvaluationFailed(
                    "policy "
                        + policy.stamp().ref()
                        + ": measure '"
                        + bound.name()
                        + "' asks for input '"
                        + bound.input()
                        + "', which this engine cannot supply");
          };
      MeasureResult result;
      try {
        result = bound.measure().evaluate(input, bound.parameters());
      } catch (InsufficientHistory e) {
        throw new InvalidRequest(
            "market.history",
            "measure '"
                + bound.name()
                + "' ("
                + bound.measure().name()
                + ") of policy "
                + policy.stamp().ref()
                + ": "
                + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new PolicyEvaluationFailed(
            "policy "
                + policy.stamp().ref()
                + ": measure '"
                + bound.name()
                + "' ("
                + bound.measure().name()
                + ") rejected its input: "
                + e.getMessage(),
            e);
      }
      BigDecimal value = Rounding.money(new BigDecimal(Double.toString(result.value())));
      facts.add(new MeasureFact(bound.name(), bound.measure().name(), value));
      if (recorder.isEnabled()) {
        recorder.add(
            new MeasureCalled(
                "account",
                bound.measure().name(),
                bound.name(),
                new TreeMap<>(bound.parameters().values()),
                result.inputs(),
                value,
                result.unit(),
                result.details()));
      }
    }
    return facts;
  }

  private static PortfolioExposure portfolio(MarginRequest request) {
    List<PortfolioExposure.Exposure> exposures = new ArrayList<>();
    request
        .account()
        .positions()
        .forEach(
            p -> {
              Instrument i = request.market().findInstrument(p.instrument()).orElseThrow();
              exposures.add(
                  new PortfolioExposure.Exposure(
                      p.instrument(),
                      i.underlying(),
                      p.quantity(),
                      i.contractSize(),
                      request.market().prices().get(p.instrument()).mark()));
            });
    return new PortfolioExposure(exposures);
  }
}

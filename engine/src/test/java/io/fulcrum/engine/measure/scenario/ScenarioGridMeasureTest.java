package io.fulcrum.engine.measure.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fulcrum.engine.measure.DerivativesPortfolio;
import io.fulcrum.engine.measure.DerivativesPortfolio.EuropeanOption;
import io.fulcrum.engine.measure.DerivativesPortfolio.Future;
import io.fulcrum.engine.measure.DerivativesPortfolio.OptionRight;
import io.fulcrum.engine.measure.MeasureInput;
import io.fulcrum.engine.measure.MeasureParameters;
import io.fulcrum.engine.measure.MeasureResult;
import io.fulcrum.engine.measure.RiskMeasure;
import io.fulcrum.engine.measure.RiskMeasureContractTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioGridMeasureTest extends RiskMeasureContractTest {

  /** The books of reference_values.py (BOOKS), position for position. */
  static DerivativesPortfolio book(String name) {
    return switch (name) {
      case "hull-put" ->
          DerivativesPortfolio.of(
              "USD",
              0.09,
              Map.of("OIL", 20.0),
              List.of(
                  new EuropeanOption(
                      "OIL-P20", "OIL", 1.0, OptionRight.PUT, 20.0, 4.0 / 12, 0.25)));
      case "crypto-book" ->
          DerivativesPortfolio.of(
              "USDT",
              0.05,
              Map.of("BTC", 65000.0, "ETH", 3500.0),
              List.of(
                  new Future("BTC-PERP", "BTC", 2.0),
                  new EuropeanOption(
                      "BTC-C70K", "BTC", -5.0, OptionRight.CALL, 70000.0, 0.25, 0.60),
                  new EuropeanOption("BTC-P60K", "BTC", 3.0, OptionRight.PUT, 60000.0, 0.25, 0.65),
                  new Future("ETH-PERP", "ETH", -10.0),
                  new EuropeanOption(
                      "ETH-C4K", "ETH", 20.0, OptionRight.CALL, 4000.0, 0.10, 0.70)));
      default -> throw new IllegalArgumentException(name);
    };
  }

  @Override
  protected RiskMeasure measure() {
    return new ScenarioGridMeasure();
  }

  @Override
  protected MeasureInput validInput() {
    return book("crypto-book");
  }

  @Override
  protected MeasureInput referenceInput(String name) {
    return book(name);
  }

  @Override
  protected Map<String, String> allParameters() {
    return Map.of("priceMoveRange", "0.2", "priceMoveSteps", "5", "volShocks", "-0.3,0,0.3");
  }

  @Override
  protected String numericParameter() {
    return "priceMoveRange";
  }

  @Override
  protected void evaluateOnTooShortInput() {
    DerivativesPortfolio.of("USDT", 0.0, Map.of("BTC", 65000.0), List.of());
  }

  @Override
  protected void buildInputWithNaN() {
    new EuropeanOption("X", "BTC", 1.0, OptionRight.CALL, 70000.0, 0.25, Double.NaN);
  }

  @Test
  void margin_isAtLeastTheLossOfEveryJointScenario() {
    DerivativesPortfolio book = book("crypto-book");
    double margin = evaluate(book, Map.of()).value();
    ScenarioGrid grid = ScenarioGrid.from(MeasureParameters.none());
    for (Scenario btc : grid.scenarios()) {
      for (Scenario eth : grid.scenarios()) {
        double loss = ScenarioGridMeasure.loss(book, Map.of("BTC", btc, "ETH", eth));
        assertThat(loss).as("BTC %s ETH %s", btc, eth).isLessThanOrEqualTo(margin + 1e-9);
      }
    }
  }

  @Test
  void details_nameTheWorstScenarioOfEachUnderlying() {
    MeasureResult result = evaluate(book("crypto-book"), Map.of());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> worst =
        (List<Map<String, Object>>) result.details().get("worstScenarios");
    assertThat(worst).extracting(m -> m.get("underlying")).containsExactly("BTC", "ETH");
    double sum = worst.stream().mapToDouble(m -> Math.max(0.0, (double) m.get("loss"))).sum();
    assertThat(result.value()).isCloseTo(sum, within(1e-9));
  }

  @Test
  void longFuture_losesMostOnTheLargestDownMove() {
    DerivativesPortfolio longPerp =
        DerivativesPortfolio.of(
            "USDT", 0.0, Map.of("BTC", 50000.0), List.of(new Future("BTC-PERP", "BTC", 1.0)));
    // 16% of 50,000
    assertThat(evaluate(longPerp, Map.of()).value()).isCloseTo(8000.0, within(1e-9));
  }

  @Test
  void volShockOfMinusOneOrLess_isRejected() {
    assertThatThrownBy(() -> evaluate(validInput(), Map.of("volShocks", "0,-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("volShocks")
        .hasMessageContaining("-1");
  }

  @Test
  void positionOnAnUnderlyingWithoutPrice_isRejected() {
    assertThatThrownBy(
            () ->
                DerivativesPortfolio.of(
                    "USDT", 0.0, Map.of("BTC", 1.0), List.of(new Future("ETH-PERP", "ETH", 1.0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ETH");
  }
}

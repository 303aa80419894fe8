package io.fulcrum.engine.measure.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fulcrum.engine.measure.MeasureInput;
import io.fulcrum.engine.measure.MeasureResult;
import io.fulcrum.engine.measure.MultiAssetPortfolio;
import io.fulcrum.engine.measure.ReferenceValues;
import io.fulcrum.engine.measure.RiskMeasure;
import io.fulcrum.engine.measure.RiskMeasureContractTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeltaNormalPortfolioVarTest extends RiskMeasureContractTest {

  private static final MultiAssetPortfolio PORTFOLIO = ReferenceValues.threeAssetPortfolio();

  @Override
  protected RiskMeasure measure() {
    return new DeltaNormalPortfolioVar();
  }

  @Override
  protected MeasureInput validInput() {
    return PORTFOLIO;
  }

  @Override
  protected MeasureInput referenceInput(String name) {
    assertThat(name).isEqualTo("portfolio-3-assets");
    return PORTFOLIO;
  }

  @Override
  protected Map<String, String> allParameters() {
    return Map.of("alpha", "0.975", "covariance", "ewma", "lambda", "0.9", "horizonDays", "2");
  }

  @Override
  protected void evaluateOnTooShortInput() {
    evaluate(
        new MultiAssetPortfolio(
            "USDT", List.of("BTC", "ETH"), new double[] {1, 1}, new double[][] {{0.01, 0.02}}),
        Map.of());
  }

  @Override
  protected void buildInputWithNaN() {
    new MultiAssetPortfolio(
        "USDT", List.of("BTC"), new double[] {1}, new double[][] {{0.01}, {Double.NaN}});
  }

  @ParameterizedTest
  @ValueSource(strings = {"sample", "ewma"})
  void components_sumToTheTotal(String covariance) {
    MeasureResult result = evaluate(PORTFOLIO, Map.of("covariance", covariance));
    @SuppressWarnings("unchecked")
    Map<String, Double> components = (Map<String, Double>) result.details().get("componentVar");
    assertThat(components).containsOnlyKeys("BTC", "ETH", "SOL");
    double sum = components.values().stream().mapToDouble(Double::doubleValue).sum();
    assertThat(sum).isCloseTo(result.value(), within(1e-6));
  }

  @Test
  void lambdaWithSampleCovariance_isRejected() {
    assertThatThrownBy(() -> evaluate(PORTFOLIO, Map.of("lambda", "0.9")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lambda must be given only with covariance=ewma");
  }

  @Test
  void unknownCovarianceMethod_isRejected() {
    assertThatThrownBy(() -> evaluate(PORTFOLIO, Map.of("covariance", "shrunk")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("covariance must be sample or ewma but was shrunk");
  }

  @Test
  void singleAsset_isZTimesExposureTimesSampleStandardDeviation() {
    // returns 0.01, -0.01: s = sqrt(0.0002) ; VaR = z_0.99 x 1000 x s
    MultiAssetPortfolio one =
        new MultiAssetPortfolio(
            "USDT", List.of("BTC"), new double[] {1000}, new double[][] {{0.01}, {-0.01}});
    assertThat(evaluate(one, Map.of()).value())
        .isCloseTo(2.326347874 * 1000 * Math.sqrt(0.0002), within(1e-6));
  }

  @Test
  void flatPortfolio_hasZeroVarAndZeroComponents() {
    MultiAssetPortfolio flat =
        new MultiAssetPortfolio(
            "USDT", List.of("BTC"), new double[] {0}, new double[][] {{0.01}, {-0.01}});
    MeasureResult result = evaluate(flat, Map.of());
    assertThat(result.value()).isCloseTo(0.0, within(0.0));
  }
}

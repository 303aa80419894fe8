package io.fulcrum.engine.measure.portfolio;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.measure.HistoricalPortfolio.UnderlyingReturns;
import io.fulcrum.engine.measure.MeasureInput;
import io.fulcrum.engine.measure.MeasureParameters;
import io.fulcrum.engine.measure.RiskMeasure;
import io.fulcrum.engine.measure.RiskMeasureContractTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoricalPortfolioEsTest extends RiskMeasureContractTest {

  @Override
  protected RiskMeasure measure() {
    return new HistoricalPortfolioEs();
  }

  @Override
  protected MeasureInput validInput() {
    return HistoricalPortfolioBooks.randomPair(300);
  }

  @Override
  protected MeasureInput referenceInput(String name) {
    return HistoricalPortfolioBooks.book(name);
  }

  @Override
  protected Map<String, String> allParameters() {
    return Map.of(
        "alpha",
        "0.6",
        "horizonDays",
        "1",
        "horizonMethod",
        "sqrt-time",
        "lookbackDays",
        "280",
        "minimumObservations",
        "2",
        "periodFrom",
        "2026-03-01",
        "periodTo",
        "2026-09-30");
  }

  @Override
  protected void evaluateOnTooShortInput() {
    measure()
        .evaluate(
            validInput(),
            MeasureParameters.of(Map.of("periodFrom", "2027-01-01", "minimumObservations", "1")));
  }

  @Override
  protected void buildInputWithNaN() {
    new UnderlyingReturns(new double[] {Double.NaN}, null);
  }

  @Test
  void periodEndingBeforeItStarts_isRejectedNamingBoth() {
    assertThatThrownBy(
            () ->
                measure()
                    .evaluate(
                        validInput(),
                        MeasureParameters.of(
                            Map.of("periodFrom", "2026-01-04", "periodTo", "2026-01-02"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("periodTo")
        .hasMessageContaining("periodFrom");
  }

  @Test
  void periodThatIsNotADate_isRejected() {
    assertThatThrownBy(
            () ->
                measure()
                    .evaluate(validInput(), MeasureParameters.of(Map.of("periodFrom", "2022"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("periodFrom must be an ISO date");
  }
}

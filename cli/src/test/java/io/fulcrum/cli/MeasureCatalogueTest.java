package io.fulcrum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.measure.MeasureParameters;
import io.fulcrum.engine.measure.MeasureResult;
import io.fulcrum.engine.measure.ReturnSeries;
import io.fulcrum.engine.measure.RiskMeasure;
import io.fulcrum.engine.measure.RiskMeasures;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The --list table against the measures themselves, so it cannot drift. */
class MeasureCatalogueTest {

  @Test
  void everyParameterOfEveryMeasure_isDescribed() {
    for (RiskMeasure m : RiskMeasures.load().all().values()) {
      assertThat(MeasureCatalogue.PARAMETERS.keySet()).as(m.name()).containsAll(m.parameterNames());
    }
  }

  @Test
  void listedDefaults_areWhatTheSeriesMeasuresUseWhenGivenNothing() {
    double[] returns = new double[300];
    for (int i = 0; i < returns.length; i++) {
      returns[i] = 0.02 * Math.sin(i * 0.7) - 0.001 * (i % 7);
    }
    int checked = 0;
    for (RiskMeasure m : RiskMeasures.load().all().values()) {
      MeasureResult r;
      try {
        r = m.evaluate(ReturnSeries.of(returns), MeasureParameters.none());
      } catch (IllegalArgumentException notASeriesMeasure) {
        continue;
      }
      for (String name : m.parameterNames()) {
        Object used = r.inputs().get(name);
        if (used == null) {
          continue;
        }
        String listed = MeasureCatalogue.PARAMETERS.get(name).defaultValue();
        if (used instanceof Number n) {
          assertThat(new BigDecimal(n.toString()))
              .as(m.name() + " " + name)
              .isEqualByComparingTo(listed);
        } else {
          assertThat(used.toString()).as(m.name() + " " + name).isEqualTo(listed);
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(20);
  }
}

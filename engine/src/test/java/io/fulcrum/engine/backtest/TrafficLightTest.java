package io.fulcrum.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fulcrum.engine.backtest.TrafficLight.Zone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Basel traffic light for 250 days at 99% (BCBS 1996, Table 2). */
class TrafficLightTest {

  @ParameterizedTest(name = "{0} breaches -> {1}")
  @CsvSource({"0,GREEN", "4,GREEN", "5,YELLOW", "9,YELLOW", "10,RED", "25,RED"})
  void zoneBoundaries_for250DaysAt99(int breaches, Zone zone) {
    assertThat(TrafficLight.of(250, breaches, 0.99).zone()).isEqualTo(zone);
  }

  @Test
  void cumulativeProbabilities_matchTheBaselTable() {
    // BCBS (1996) Table 2, cumulative probability: 4 -> 89.22%, 5 -> 95.88%, 9 -> 99.97%,
    // 10 -> 99.99% (exact binomial(250, 0.01): 0.892188, 0.958817, 0.999750, 0.999946).
    assertThat(TrafficLight.of(250, 4, 0.99).cumulativeProbability())
        .isCloseTo(0.8921876269, within(1e-9));
    assertThat(TrafficLight.of(250, 5, 0.99).cumulativeProbability())
        .isCloseTo(0.9588168159, within(1e-9));
    assertThat(TrafficLight.of(250, 9, 0.99).cumulativeProbability())
        .isCloseTo(0.9997498099, within(1e-9));
    assertThat(TrafficLight.of(250, 10, 0.99).cumulativeProbability())
        .isCloseTo(0.9999461014, within(1e-9));
  }

  @Test
  void plusFactors_followTheBaselTable() {
    assertThat(TrafficLight.of(250, 4, 0.99).plusFactor()).isEqualTo(0.0);
    assertThat(TrafficLight.of(250, 5, 0.99).plusFactor()).isEqualTo(0.40);
    assertThat(TrafficLight.of(250, 9, 0.99).plusFactor()).isEqualTo(0.85);
    assertThat(TrafficLight.of(250, 12, 0.99).plusFactor()).isEqualTo(1.0);
    assertThat(TrafficLight.of(500, 5, 0.99).plusFactor()).isNaN();
  }
}

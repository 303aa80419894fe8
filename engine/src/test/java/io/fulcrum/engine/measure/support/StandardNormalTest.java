package io.fulcrum.engine.measure.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * The fast cdf against Commons Math's {@link NormalDistribution} (erfc through the regularized
 * gamma function, accurate to about 1e-15): tolerance 1e-14 absolute everywhere, and 1e-12 relative
 * in the lower tail where both are tiny.
 */
class StandardNormalTest {

  private static final NormalDistribution COMMONS = new NormalDistribution(null, 0.0, 1.0);
  private static final double ABSOLUTE = 1e-14;

  @Test
  void cdf_agreesWithCommonsMathOnAFineGrid() {
    for (double x = -40.0; x <= 40.0; x += 0.001) {
      assertThat(StandardNormal.cdf(x))
          .as("Phi(%s)", x)
          .isCloseTo(COMMONS.cumulativeProbability(x), within(ABSOLUTE));
    }
  }

  @Test
  void cdf_agreesWithCommonsMathAtRandomPointsAndAroundTheBranchPoints() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      double x = random.nextDouble(-12.0, 12.0);
      assertThat(StandardNormal.cdf(x))
          .as("Phi(%s)", x)
          .isCloseTo(COMMONS.cumulativeProbability(x), within(ABSOLUTE));
    }
    for (double edge : new double[] {0.67448975, 5.656854249492380, 8.2924, 37.5193}) {
      for (double x : new double[] {Math.nextDown(edge), edge, Math.nextUp(edge)}) {
        assertThat(StandardNormal.cdf(x))
            .isCloseTo(COMMONS.cumulativeProbability(x), within(ABSOLUTE));
        assertThat(StandardNormal.cdf(-x))
            .isCloseTo(COMMONS.cumulativeProbability(-x), within(ABSOLUTE));
      }
    }
  }

  @Test
  void cdf_isRelativelyAccurateInTheLowerTail() {
    for (double x = -37.0; x <= -1.0; x += 0.01) {
      double expected = COMMONS.cumulativeProbability(x);
      assertThat(StandardNormal.cdf(x))
          .as("Phi(%s)", x)
          .isCloseTo(expected, within(1e-12 * expected));
    }
  }

  @Test
  void cdf_knownValuesSymmetryAndSpecialArguments() {
    assertThat(StandardNormal.cdf(0.0)).isEqualTo(0.5);
    // Phi(1.959963984540054) = 0.975 (the 97.5% quantile), Phi(-1) = 0.15865525393145705 (R pnorm)
    assertThat(StandardNormal.cdf(1.959963984540054)).isCloseTo(0.975, within(1e-15));
    assertThat(StandardNormal.cdf(-1.0)).isCloseTo(0.15865525393145705, within(1e-16));
    for (double x = 0.0; x < 8.0; x += 0.037) {
      assertThat(StandardNormal.cdf(x) + StandardNormal.cdf(-x)).isCloseTo(1.0, within(2e-16));
    }
    assertThat(StandardNormal.cdf(Double.NaN)).isNaN();
    assertThat(StandardNormal.cdf(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
    assertThat(StandardNormal.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
  }
}

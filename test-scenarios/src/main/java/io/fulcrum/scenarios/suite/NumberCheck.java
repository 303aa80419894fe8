package io.fulcrum.scenarios.suite;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * An expected number with its tolerance: passes when |actual - expected| <= absolute tolerance or
 * <= relative tolerance x |expected|. An expected value of null means "none" (e.g. no liquidation
 * price); it passes only when the actual value is absent too.
 */
public record NumberCheck(BigDecimal expected, BigDecimal tolerance, BigDecimal relativeTolerance) {

  public NumberCheck {
    tolerance = tolerance == null ? BigDecimal.ZERO : tolerance;
    relativeTolerance = relativeTolerance == null ? BigDecimal.ZERO : relativeTolerance;
    if (tolerance.signum() < 0 || relativeTolerance.signum() < 0) {
      throw new IllegalArgumentException(
          "tolerances must be zero or positive but were "
              + tolerance.toPlainString()
              + " and "
              + relativeTolerance.toPlainString());
    }
  }

  public static NumberCheck exactly(BigDecimal expected) {
    return new NumberCheck(expected, BigDecimal.ZERO, BigDecimal.ZERO);
  }

  public boolean passes(BigDecimal actual) {
    if (expected == null || actual == null) {
      return expected == null && actual == null;
    }
    BigDecimal diff = actual.subtract(expected).abs();
    return diff.compareTo(tolerance) <= 0
        || diff.compareTo(relativeTolerance.multiply(expected.abs(), MathContext.DECIMAL128)) <= 0;
  }

  /** E.g. {@code 1340 ± 0.01} or {@code 0.0736 ± 0.1%} or {@code none}. */
  public String describe() {
    if (expected == null) {
      return "none";
    }
    String text = expected.toPlainString();
    if (tolerance.signum() > 0) {
      text += " ± " + tolerance.toPlainString();
    }
    if (relativeTolerance.signum() > 0) {
      text +=
          " ± " + relativeTolerance.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
    return text;
  }
}

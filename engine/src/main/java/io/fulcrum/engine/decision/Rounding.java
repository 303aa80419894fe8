package io.fulcrum.engine.decision;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The rounding rules of every figure in a decision, in one place.
 *
 * <ul>
 *   <li>Intermediate arithmetic: {@link #CALC} (34 significant digits, HALF_EVEN); no rounding to
 *       scale before the final figure.
 *   <li>Margin requirements (initial, maintenance, add-ons): {@value #MONEY_SCALE} decimal places,
 *       rounded UP (away from zero), so a requirement is never understated.
 *   <li>Balances, P&L, notionals, other money: {@value #MONEY_SCALE} decimal places, HALF_EVEN.
 *   <li>Ratios and rates (margin ratio, health factor): {@value #RATIO_SCALE} decimal places,
 *       HALF_EVEN.
 *   <li>Prices (liquidation price): {@value #MONEY_SCALE} decimal places, HALF_EVEN.
 * </ul>
 *
 * Trailing zeros are stripped so that equal numbers print the same.
 */
public final class Rounding {

  public static final MathContext CALC = MathContext.DECIMAL128;
  public static final int MONEY_SCALE = 8;
  public static final int RATIO_SCALE = 8;

  private Rounding() {}

  public static BigDecimal requirement(BigDecimal value) {
    return value == null ? null : clean(value.setScale(MONEY_SCALE, RoundingMode.UP));
  }

  public static BigDecimal money(BigDecimal value) {
    return value == null ? null : clean(value.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN));
  }

  public static BigDecimal ratio(BigDecimal value) {
    return value == null ? null : clean(value.setScale(RATIO_SCALE, RoundingMode.HALF_EVEN));
  }

  public static BigDecimal price(BigDecimal value) {
    return money(value);
  }

  /** Removes trailing zeros without switching to exponent notation for whole numbers. */
  public static BigDecimal clean(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  public static BigDecimal divide(BigDecimal numerator, BigDecimal denominator) {
    return numerator.divide(denominator, CALC);
  }
}

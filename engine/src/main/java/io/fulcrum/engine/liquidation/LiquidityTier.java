package io.fulcrum.engine.liquidation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A dYdX v4 liquidity tier: initial margin scaled with the market's open interest (OIMF), as
 * dydxprotocol/v4-chain {@code protocol/x/perpetuals/types/liquidity_tier.go} ({@code
 * GetInitialMarginQuoteQuantums}, {@code GetMaintenanceMarginPpm}) defines it:
 *
 * <ul>
 *   <li>scaling = (open notional - lower cap) / (upper cap - lower cap);
 *   <li>effective IMF = min(base IMF + max(scaling x (1 - base IMF), 0), 1): the base IMF while the
 *       open notional is at or below the lower cap, 1 from the upper cap on; an upper cap of 0
 *       turns the scaling off;
 *   <li>initial margin = notional x effective IMF, rounded up, never above the notional;
 *   <li>MMF = base IMF x maintenance fraction (the maintenance margin does not scale).
 * </ul>
 *
 * Fractions are plain numbers (0.2 = 20%; dYdX stores them in parts per million), caps and
 * notionals money in the settlement currency (dYdX: quote quantums). The initial margin is computed
 * exactly (one division, rounded up), so it is the dYdX figure whenever the amounts are the same.
 * dYdX's newer per-position leverage setting is not modelled. Immutable, thread-safe.
 *
 * @param initialMarginFraction base IMF, in [0, 1]
 * @param maintenanceFraction the share of the base IMF that is the MMF, in [0, 1]
 * @param openInterestLowerCap open notional up to which the IMF is not scaled, &gt;= 0
 * @param openInterestUpperCap open notional from which the IMF is 1, &gt;= the lower cap; 0: no
 *     scaling
 */
public record LiquidityTier(
    BigDecimal initialMarginFraction,
    BigDecimal maintenanceFraction,
    BigDecimal openInterestLowerCap,
    BigDecimal openInterestUpperCap) {

  /** Scale of {@link #initialMargin(BigDecimal, BigDecimal)}: the engine's money scale. */
  public static final int MONEY_SCALE = 8;

  public LiquidityTier {
    fraction("initialMarginFraction", initialMarginFraction);
    fraction("maintenanceFraction", maintenanceFraction);
    nonNegative("openInterestLowerCap", openInterestLowerCap);
    nonNegative("openInterestUpperCap", openInterestUpperCap);
    if (openInterestLowerCap.compareTo(openInterestUpperCap) > 0) {
      throw new IllegalArgumentException(
          "openInterestLowerCap "
              + openInterestLowerCap.toPlainString()
              + " is above openInterestUpperCap "
              + openInterestUpperCap.toPlainString()
              + " (dYdX: ErrOpenInterestLowerCapLargerThanUpperCap)");
    }
  }

  /** MMF = base IMF x maintenance fraction, exact (trailing zeros removed: 0.05 x 0.6 = 0.03). */
  public BigDecimal maintenanceMarginFraction() {
    BigDecimal mmf = initialMarginFraction.multiply(maintenanceFraction).stripTrailingZeros();
    return mmf.scale() < 0 ? mmf.setScale(0) : mmf;
  }

  /**
   * The effective IMF at {@code openNotional} (&gt;= 0); exact except inside the scaling band,
   * where it is rounded to 34 significant digits ({@link MathContext#DECIMAL128}).
   */
  public BigDecimal effectiveInitialMarginFraction(BigDecimal openNotional) {
    nonNegative("openNotional", openNotional);
    if (!scales(openNotional)) {
      return openNotional.compareTo(openInterestUpperCap) >= 0 && upperCapSet()
          ? BigDecimal.ONE
          : initialMarginFraction;
    }
    return weighted(openNotional)
        .divide(openInterestUpperCap.subtract(openInterestLowerCap), MathContext.DECIMAL128);
  }

  /** Initial margin of {@code notional} at {@code openNotional}, rounded up to 8 decimals. */
  public BigDecimal initialMargin(BigDecimal notional, BigDecimal openNotional) {
    return initialMargin(notional, openNotional, MONEY_SCALE);
  }

  /**
   * Initial margin of {@code notional} (&gt;= 0) at {@code openNotional}, rounded up to {@code
   * scale} decimals and at most {@code notional} (dYdX rounds up to whole quote quantums, scale 0
   * on quantum amounts).
   */
  public BigDecimal initialMargin(BigDecimal notional, BigDecimal openNotional, int scale) {
    nonNegative("notional", notional);
    BigDecimal im;
    if (scales(nonNegative("openNotional", openNotional))) {
      // notional x (base x (U - L) + (1 - base) x (OI - L)) / (U - L): one exact division.
      im =
          notional
              .multiply(weighted(openNotional))
              .divide(
                  openInterestUpperCap.subtract(openInterestLowerCap), scale, RoundingMode.CEILING);
    } else {
      im =
          notional
              .multiply(effectiveInitialMarginFraction(openNotional))
              .setScale(scale, RoundingMode.CEILING);
    }
    return im.compareTo(notional) > 0 ? notional : im;
  }

  /** Maintenance margin of {@code notional}: notional x MMF (exact; setters round it up). */
  public BigDecimal maintenanceMargin(BigDecimal notional) {
    return nonNegative("notional", notional).multiply(maintenanceMarginFraction());
  }

  private boolean upperCapSet() {
    return openInterestUpperCap.signum() != 0;
  }

  /** Strictly inside (lower cap, upper cap) with scaling on. */
  private boolean scales(BigDecimal openNotional) {
    return upperCapSet()
        && openNotional.compareTo(openInterestLowerCap) > 0
        && openNotional.compareTo(openInterestUpperCap) < 0;
  }

  /** base x (U - L) + (1 - base) x (OI - L): the effective IMF times (U - L). */
  private BigDecimal weighted(BigDecimal openNotional) {
    return initialMarginFraction
        .multiply(openInterestUpperCap.subtract(openInterestLowerCap))
        .add(
            BigDecimal.ONE
                .subtract(initialMarginFraction)
                .multiply(openNotional.subtract(openInterestLowerCap)));
  }

  private static void fraction(String name, BigDecimal value) {
    nonNegative(name, value);
    if (value.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException(
          name + " must be in [0, 1] but was " + value.toPlainString());
    }
  }

  private static BigDecimal nonNegative(String name, BigDecimal value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    if (value.signum() < 0) {
      throw new IllegalArgumentException(
          name + " must not be negative but was " + value.toPlainString());
    }
    return value;
  }
}

package io.fulcrum.engine.domain;

import java.math.BigDecimal;

/**
 * An open position.
 *
 * @param instrument symbol of the instrument, defined in the market snapshot
 * @param quantity signed number of contracts: positive long, negative short; never zero
 * @param entryPrice average entry price per unit of the underlying
 * @param marginMode CROSS (default) or ISOLATED
 * @param leverage the leverage the holder chose, at least 1; null lets the policy use its maximum
 * @param isolatedMargin the isolated wallet (margin posted to this position); required when
 *     ISOLATED, absent when CROSS
 */
public record Position(
    String instrument,
    BigDecimal quantity,
    BigDecimal entryPrice,
    MarginMode marginMode,
    BigDecimal leverage,
    BigDecimal isolatedMargin) {

  public Position {
    instrument = Checks.text("instrument", instrument);
    Checks.required("quantity", quantity);
    if (quantity.signum() == 0) {
      throw new IllegalArgumentException("quantity must not be zero (close the position instead)");
    }
    Checks.positive("entryPrice", entryPrice);
    marginMode = marginMode == null ? MarginMode.CROSS : marginMode;
    if (leverage != null && Checks.required("leverage", leverage).compareTo(BigDecimal.ONE) < 0) {
      // Below 1x the initial margin would exceed the notional: never a real choice, and a tiny
      // leverage (1e-18) would turn the requirement into an absurd figure.
      throw new IllegalArgumentException(
          "leverage must be at least 1 but was " + leverage.toPlainString());
    }
    if (marginMode == MarginMode.ISOLATED) {
      Checks.nonNegative("isolatedMargin", isolatedMargin);
    } else if (isolatedMargin != null) {
      throw new IllegalArgumentException("isolatedMargin is only allowed for ISOLATED positions");
    }
  }

  public static Position cross(String instrument, String quantity, String entryPrice) {
    return new Position(
        instrument,
        new BigDecimal(quantity),
        new BigDecimal(entryPrice),
        MarginMode.CROSS,
        null,
        null);
  }

  public int side() {
    return quantity.signum();
  }
}

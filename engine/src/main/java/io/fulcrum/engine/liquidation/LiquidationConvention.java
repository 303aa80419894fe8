package io.fulcrum.engine.liquidation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a policy solves a linear position's liquidation price: which maintenance margin the solve
 * holds against the margin balance. Chosen in the manifest with {@code liquidation: {convention:
 * ...}}; absent means {@link #MAINTENANCE_AT_LIQUIDATION}.
 */
public enum LiquidationConvention {

  /**
   * Binance USDⓈ-M ("How to Calculate Liquidation Price of USDⓈ-M Futures Contracts"): the
   * maintenance margin is re-evaluated at the liquidation price's notional, with the rate and
   * maintenance amount of the bracket that notional falls in.
   */
  MAINTENANCE_AT_LIQUIDATION("maintenance-at-liquidation"),

  /**
   * Bybit and BitMEX linear contracts: maintenance margin = entry value x MMR - deduction, taken in
   * the bracket of the entry value and held fixed while the mark moves.
   */
  MAINTENANCE_AT_ENTRY("maintenance-at-entry");

  private final String key;

  LiquidationConvention(String key) {
    this.key = key;
  }

  /** The manifest spelling, e.g. {@code maintenance-at-entry}. */
  @JsonValue
  public String key() {
    return key;
  }

  /** The convention spelled {@code key}; fails naming the allowed spellings. */
  @JsonCreator
  public static LiquidationConvention of(String key) {
    for (LiquidationConvention c : values()) {
      if (c.key.equals(key)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "liquidation.convention must be one of %s but was '%s'",
            Arrays.stream(values()).map(LiquidationConvention::key).toList(),
            key));
  }
}

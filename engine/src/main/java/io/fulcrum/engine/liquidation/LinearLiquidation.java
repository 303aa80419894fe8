package io.fulcrum.engine.liquidation;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Liquidation and bankruptcy prices of one linear position (P&amp;L = side x size x (mark -
 * entry)), one solve each, unrounded ({@link MathContext#DECIMAL128}). Inputs are money in the
 * settlement currency, {@code side} +1 long / -1 short, {@code size} &gt; 0 in units of the
 * underlying. {@code margin} is what the position's balance starts from at its entry price:
 *
 * <ul>
 *   <li>isolated: the position's isolated margin (initial margin plus any margin added);
 *   <li>cross: WB - TMM + UPNL, the cross wallet (collateral minus debts) less the maintenance
 *       margin of the other cross positions plus their unrealised P&amp;L, their marks held fixed.
 *       For a single-position cross account this is the wallet balance, which is Bybit's "available
 *       balance" plus the position's initial margin when no order is open.
 * </ul>
 *
 * A result of zero or below means the position has no such price; callers report it as none.
 * Stateless and thread-safe.
 */
public final class LinearLiquidation {

  private static final MathContext CALC = MathContext.DECIMAL128;

  private LinearLiquidation() {}

  /**
   * {@link LiquidationConvention#MAINTENANCE_AT_LIQUIDATION}, one round (Binance USDⓈ-M, "How to
   * Calculate Liquidation Price of USDⓈ-M Futures Contracts"): {@code LP = (margin + cum -
   * side*size*entry) / (size*MMR - side*size)}, where MMR and cum must be those of the bracket of
   * the notional at LP (the caller re-solves when they are not).
   */
  public static BigDecimal maintenanceAtLiquidation(
      BigDecimal margin,
      int side,
      BigDecimal size,
      BigDecimal entry,
      BigDecimal mmr,
      BigDecimal cum) {
    BigDecimal s = BigDecimal.valueOf(side);
    BigDecimal numerator = margin.add(cum).subtract(s.multiply(size).multiply(entry));
    BigDecimal denominator = size.multiply(mmr).subtract(s.multiply(size));
    return numerator.divide(denominator, CALC);
  }

  /**
   * The maintenance margin held fixed by {@link LiquidationConvention#MAINTENANCE_AT_ENTRY}: entry
   * value x MMR - deduction, {@code size*entry*MMR - deduction}.
   */
  public static BigDecimal maintenanceAtEntryMargin(
      BigDecimal size, BigDecimal entry, BigDecimal mmr, BigDecimal deduction) {
    return size.multiply(entry).multiply(mmr).subtract(deduction);
  }

  /**
   * {@link LiquidationConvention#MAINTENANCE_AT_ENTRY} (Bybit "Liquidation Price (USDT Contract)",
   * BitMEX "Liquidation"): {@code LP = entry - side*(margin - MM)/size} with {@code MM} the
   * maintenance margin at the entry value ({@link #maintenanceAtEntryMargin}): long {@code entry -
   * (margin - MM)/size}, short {@code entry + (margin - MM)/size}. It is the mark at which margin +
   * side*size*(mark - entry) = MM, and lies MM/size inside the {@link #bankruptcy} price.
   */
  public static BigDecimal maintenanceAtEntry(
      BigDecimal margin, int side, BigDecimal size, BigDecimal entry, BigDecimal maintenance) {
    return entry.subtract(
        BigDecimal.valueOf(side).multiply(margin.subtract(maintenance)).divide(size, CALC));
  }

  /**
   * The bankruptcy price, where the position's margin balance is zero: {@code entry -
   * side*margin/size}, the liquidation solve of either convention with every maintenance term zero
   * (cross: the other positions' maintenance margins too, so margin = WB + UPNL). Bybit "Bankruptcy
   * Price (USDT Contract)": long entry x (1 - 1/leverage) when margin is the initial margin.
   */
  public static BigDecimal bankruptcy(
      BigDecimal margin, int side, BigDecimal size, BigDecimal entry) {
    return entry.subtract(BigDecimal.valueOf(side).multiply(margin).divide(size, CALC));
  }
}

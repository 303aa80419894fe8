package io.fulcrum.engine.decision;

import java.math.BigDecimal;
import java.util.List;

/**
 * How far one underlying (or, for a lending policy, one collateral asset) may move before the
 * account reaches the levels its policy decides by: the single relative price move of that
 * underlying, every position on it moving together and everything else fixed, at which the deciding
 * measure reaches the liquidation level, and the same for the margin-call level.
 *
 * <p>A move is a fraction of today's price: -0.05 is a 5% fall. It is 0 when the level is already
 * reached today, and null when no move within the searched range reaches it (see {@code
 * assumptions}).
 *
 * @param underlying the underlying moved, or the collateral asset
 * @param instruments the positions (or the collateral asset) whose prices move together
 * @param measure the deciding measure, e.g. {@code marginRatio} or {@code healthFactor}
 * @param referencePrice today's price of the first instrument
 * @param liquidationLevel the measure's liquidation level (the policy parameter's value)
 * @param liquidationMove the relative move at which it is reached, or null
 * @param priceAtLiquidation {@code referencePrice x (1 + liquidationMove)}, or null
 * @param marginCallLevel the measure's margin-call level, or null if the policy has none
 * @param marginCallMove the relative move at which it is reached, or null
 * @param priceAtMarginCall {@code referencePrice x (1 + marginCallMove)}, or null
 * @param maintenance how requirements were treated under the move ("re-evaluated ..." or "held
 *     ...")
 * @param assumptions what the move assumes, and the solver's tolerance and rounding
 */
public record LiquidationMove(
    String underlying,
    List<String> instruments,
    String measure,
    BigDecimal referencePrice,
    BigDecimal liquidationLevel,
    BigDecimal liquidationMove,
    BigDecimal priceAtLiquidation,
    BigDecimal marginCallLevel,
    BigDecimal marginCallMove,
    BigDecimal priceAtMarginCall,
    String maintenance,
    String assumptions) {

  public LiquidationMove {
    if (underlying == null || underlying.isBlank()) {
      throw new IllegalArgumentException("a liquidation move needs its underlying");
    }
    instruments = List.copyOf(instruments);
  }
}

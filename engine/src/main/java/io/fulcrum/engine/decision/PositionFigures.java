package io.fulcrum.engine.decision;

import java.math.BigDecimal;
import java.util.SortedMap;

/**
 * Per-position results. Money in the decision's currency.
 *
 * @param instrument symbol
 * @param quantity signed contracts
 * @param markPrice mark price used
 * @param notional |quantity| x contract size x mark
 * @param unrealisedPnl side x size x (mark - entry)
 * @param initialMargin requirement to open/keep at the chosen leverage
 * @param maintenanceMargin requirement below which the position is liquidated
 * @param liquidationPrice mark price at which the position is liquidated, null when the policy
 *     defines none or there is none (it would be zero or negative)
 * @param parameters the policy parameters chosen for this position (e.g. bracket, rate)
 */
public record PositionFigures(
    String instrument,
    BigDecimal quantity,
    BigDecimal markPrice,
    BigDecimal notional,
    BigDecimal unrealisedPnl,
    BigDecimal initialMargin,
    BigDecimal maintenanceMargin,
    BigDecimal liquidationPrice,
    SortedMap<String, Object> parameters) {}

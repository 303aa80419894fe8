package io.fulcrum.engine.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param bankruptcyPrice mark price at which the position's margin balance is zero (isolated: its
 *     isolated margin is used up; cross: the account's margin balance is zero), solved with the
 *     liquidation price; null when the policy solves no liquidation price or the price would be
 *     zero or negative. Left out of the JSON when null, so decisions of policies that solve none
 *     keep their bytes and hash
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
    @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal bankruptcyPrice,
    SortedMap<String, Object> parameters) {}

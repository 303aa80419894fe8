package io.fulcrum.admin.application;

import io.fulcrum.engine.domain.MarginMode;
import java.math.BigDecimal;

/**
 * An order that has not been placed: what the account would hold if it filled.
 *
 * @param quantity signed contracts: positive buys, negative sells; never zero
 * @param price fill price per unit of the underlying; null means the current mark price
 * @param marginMode for a new position (CROSS when null); ignored when merging into one held
 * @param leverage for a new position; null lets the policy choose
 * @param isolatedMargin wallet for a new ISOLATED position
 */
public record HypotheticalOrder(
    String instrument,
    BigDecimal quantity,
    BigDecimal price,
    MarginMode marginMode,
    BigDecimal leverage,
    BigDecimal isolatedMargin) {}

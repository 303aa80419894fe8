package io.fulcrum.engine.whatif;

import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.decision.PolicyStamp;
import java.math.BigDecimal;
import java.util.List;

/**
 * A pre-trade evaluation: the account now and as it would be after the hypothetical orders fill,
 * per-position liquidation prices before and after, and the assumptions the figures rest on. The
 * full decision after the orders is included. The service's {@code POST /what-if} answers this
 * record as JSON; {@code fulcrum what-if} prints it.
 */
public record WhatIfResult(
    PolicyStamp policy,
    Figures before,
    Figures after,
    List<PositionChange> positions,
    List<String> assumptions,
    MarginDecision decision) {

  /** Account-level figures of one evaluation. */
  public record Figures(
      DecisionStatus status,
      BigDecimal initialMargin,
      BigDecimal maintenanceMargin,
      BigDecimal marginBalance,
      BigDecimal marginRatio,
      BigDecimal walletBalance) {

    static Figures of(MarginDecision d) {
      return new Figures(
          d.status(),
          d.initialMargin(),
          d.maintenanceMargin(),
          d.marginBalance(),
          d.marginRatio(),
          d.walletBalance());
    }
  }

  /** One instrument before and after; a null quantity means no position on that side. */
  public record PositionChange(
      String instrument,
      BigDecimal quantityBefore,
      BigDecimal quantityAfter,
      BigDecimal liquidationPriceBefore,
      BigDecimal liquidationPriceAfter) {}
}

package io.fulcrum.engine.decision;

/** What the account must do. Ordered by severity. */
public enum DecisionStatus {
  /** Margin balance covers requirements. */
  OK,
  /** Below the margin-call threshold: top up or reduce before liquidation. */
  MARGIN_CALL,
  /** At or beyond the liquidation threshold. */
  LIQUIDATE
}

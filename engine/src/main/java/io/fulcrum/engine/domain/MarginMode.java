package io.fulcrum.engine.domain;

/** How a position's margin is pooled. */
public enum MarginMode {
  /** All cross positions share the account's wallet. */
  CROSS,
  /** The position has its own wallet ({@link Position#isolatedMargin()}); losses stop there. */
  ISOLATED
}

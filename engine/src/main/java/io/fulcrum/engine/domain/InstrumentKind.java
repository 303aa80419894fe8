package io.fulcrum.engine.domain;

/** The closed set of instrument types the engine knows. */
public enum InstrumentKind {
  PERPETUAL,
  DATED_FUTURE,
  SPOT,
  OPTION
}

package io.fulcrum.engine.domain;

import java.math.BigDecimal;

/**
 * Prices of one instrument.
 *
 * @param mark the mark price used for margin and unrealised P&L
 * @param index the index (spot reference) price; optional
 */
public record InstrumentPrice(BigDecimal mark, BigDecimal index) {

  public InstrumentPrice {
    Checks.positive("mark", mark);
    if (index != null) {
      Checks.positive("index", index);
    }
  }
}

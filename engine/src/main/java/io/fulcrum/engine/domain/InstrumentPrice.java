package io.fulcrum.engine.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * Prices of one instrument.
 *
 * @param mark the mark price used for margin and unrealised P&L
 * @param index the index (spot reference) price; optional. For an option, the price of its
 *     underlying, used as the forward in Black-76 when no perpetual on the underlying is defined.
 * @param impliedVolatility options only: the annualised implied volatility of the mark, as a
 *     fraction (0.55 = 55%), &gt; 0; history- and scenario-based measures revalue options with it.
 *     Optional; omitted from JSON when absent.
 */
public record InstrumentPrice(
    BigDecimal mark,
    BigDecimal index,
    @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal impliedVolatility) {

  @JsonCreator
  public InstrumentPrice {
    Checks.positive("mark", mark);
    if (index != null) {
      Checks.positive("index", index);
    }
    if (impliedVolatility != null) {
      Checks.positive("impliedVolatility", impliedVolatility);
    }
  }

  /** Mark and index, no implied volatility. */
  public InstrumentPrice(BigDecimal mark, BigDecimal index) {
    this(mark, index, null);
  }
}

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
 * @param openInterest the instrument's open interest on its venue, in units of the underlying (the
 *     total size of open long positions), &gt;= 0; policies that scale margin with open interest
 *     (dYdX v4 liquidity tiers: open notional = open interest x mark) need it and fail the decision
 *     naming this field when it is absent. Optional; omitted from JSON when absent.
 */
public record InstrumentPrice(
    BigDecimal mark,
    BigDecimal index,
    @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal impliedVolatility,
    @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal openInterest) {

  @JsonCreator
  public InstrumentPrice {
    Checks.positive("mark", mark);
    if (index != null) {
      Checks.positive("index", index);
    }
    if (impliedVolatility != null) {
      Checks.positive("impliedVolatility", impliedVolatility);
    }
    if (openInterest != null) {
      Checks.nonNegative("openInterest", openInterest);
    }
  }

  /** Mark, index and implied volatility, no open interest. */
  public InstrumentPrice(BigDecimal mark, BigDecimal index, BigDecimal impliedVolatility) {
    this(mark, index, impliedVolatility, null);
  }

  /** Mark and index, no implied volatility. */
  public InstrumentPrice(BigDecimal mark, BigDecimal index) {
    this(mark, index, null, null);
  }
}

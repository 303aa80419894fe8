package io.fulcrum.engine.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** A future with an expiry date, linear in the underlying. */
public record DatedFuture(
    String symbol,
    String underlying,
    String settlementAsset,
    BigDecimal contractSize,
    LocalDate expiry)
    implements Instrument {

  public DatedFuture {
    symbol = Checks.text("symbol", symbol);
    underlying = Checks.text("underlying", underlying);
    settlementAsset = Checks.text("settlementAsset", settlementAsset);
    contractSize =
        contractSize == null ? BigDecimal.ONE : Checks.positive("contractSize", contractSize);
    Objects.requireNonNull(expiry, "expiry is required for a dated future");
  }

  @Override
  public InstrumentKind kind() {
    return InstrumentKind.DATED_FUTURE;
  }
}

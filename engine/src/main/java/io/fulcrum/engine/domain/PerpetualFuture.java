package io.fulcrum.engine.domain;

import java.math.BigDecimal;

/** A perpetual future (no expiry), linear in the underlying. */
public record PerpetualFuture(
    String symbol, String underlying, String settlementAsset, BigDecimal contractSize)
    implements Instrument {

  public PerpetualFuture {
    symbol = Checks.text("symbol", symbol);
    underlying = Checks.text("underlying", underlying);
    settlementAsset = Checks.text("settlementAsset", settlementAsset);
    contractSize =
        contractSize == null ? BigDecimal.ONE : Checks.positive("contractSize", contractSize);
  }

  @Override
  public InstrumentKind kind() {
    return InstrumentKind.PERPETUAL;
  }
}

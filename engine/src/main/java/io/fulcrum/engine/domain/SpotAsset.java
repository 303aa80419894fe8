package io.fulcrum.engine.domain;

import java.math.BigDecimal;

/** A spot holding of an asset, valued in the settlement asset. */
public record SpotAsset(
    String symbol, String underlying, String settlementAsset, BigDecimal contractSize)
    implements Instrument {

  public SpotAsset {
    symbol = Checks.text("symbol", symbol);
    underlying = Checks.text("underlying", underlying);
    settlementAsset = Checks.text("settlementAsset", settlementAsset);
    contractSize =
        contractSize == null ? BigDecimal.ONE : Checks.positive("contractSize", contractSize);
  }

  @Override
  public InstrumentKind kind() {
    return InstrumentKind.SPOT;
  }
}

package io.fulcrum.engine.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** A European option on a future or index price, priced per unit of the underlying. */
public record EuropeanOption(
    String symbol,
    String underlying,
    String settlementAsset,
    BigDecimal contractSize,
    LocalDate expiry,
    BigDecimal strike,
    OptionRight right)
    implements Instrument {

  public EuropeanOption {
    symbol = Checks.text("symbol", symbol);
    underlying = Checks.text("underlying", underlying);
    settlementAsset = Checks.text("settlementAsset", settlementAsset);
    contractSize =
        contractSize == null ? BigDecimal.ONE : Checks.positive("contractSize", contractSize);
    Objects.requireNonNull(expiry, "expiry is required for an option");
    Checks.positive("strike", strike);
    Objects.requireNonNull(right, "right (CALL or PUT) is required for an option");
  }

  @Override
  public InstrumentKind kind() {
    return InstrumentKind.OPTION;
  }
}

package io.fulcrum.engine.domain;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;

/**
 * A tradable instrument. Prices are quoted per unit of the underlying in the settlement asset; one
 * contract is {@link #contractSize()} units of the underlying.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = PerpetualFuture.class, name = "PERPETUAL"),
  @JsonSubTypes.Type(value = DatedFuture.class, name = "DATED_FUTURE"),
  @JsonSubTypes.Type(value = SpotAsset.class, name = "SPOT"),
  @JsonSubTypes.Type(value = EuropeanOption.class, name = "OPTION")
})
public sealed interface Instrument permits PerpetualFuture, DatedFuture, SpotAsset, EuropeanOption {

  String symbol();

  /** The asset whose price drives the instrument, e.g. {@code BTC}. */
  String underlying();

  /** The asset profits and losses are paid in, e.g. {@code USDT}. */
  String settlementAsset();

  BigDecimal contractSize();

  InstrumentKind kind();

  /** True when value moves one-for-one with the underlying (futures, perpetuals, spot). */
  default boolean linear() {
    return kind() != InstrumentKind.OPTION;
  }
}

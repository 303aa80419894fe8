package io.fulcrum.engine.measure;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The positions of one account valued at current marks: what position-based measures (notional,
 * scenario grids, portfolio VaR) work on.
 */
public record PortfolioExposure(List<Exposure> exposures) implements MeasureInput {

  public PortfolioExposure {
    Objects.requireNonNull(exposures, "exposures");
    exposures = List.copyOf(exposures);
  }

  /**
   * One position.
   *
   * @param instrument instrument symbol
   * @param underlying the asset whose price drives the position (e.g. BTC)
   * @param quantity signed quantity in contracts (positive long, negative short)
   * @param contractSize units of the underlying per contract
   * @param markPrice current mark price per unit of the underlying, in the settlement currency
   */
  public record Exposure(
      String instrument,
      String underlying,
      BigDecimal quantity,
      BigDecimal contractSize,
      BigDecimal markPrice) {

    public Exposure {
      Objects.requireNonNull(instrument, "instrument");
      Objects.requireNonNull(underlying, "underlying");
      Objects.requireNonNull(quantity, "quantity");
      Objects.requireNonNull(contractSize, "contractSize");
      Objects.requireNonNull(markPrice, "markPrice");
    }

    /** Signed value: quantity x contract size x mark price. */
    public BigDecimal signedNotional() {
      return quantity.multiply(contractSize).multiply(markPrice);
    }
  }

  @Override
  public String summary() {
    return "positions n=" + exposures.size();
  }
}

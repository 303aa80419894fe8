package io.fulcrum.engine.domain;

import java.math.BigDecimal;

/** An amount of an asset held as collateral (wallet balance). */
public record CollateralBalance(String asset, BigDecimal amount) {

  public CollateralBalance {
    asset = Checks.text("asset", asset);
    Checks.nonNegative("amount", amount);
  }
}

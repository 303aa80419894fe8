package io.fulcrum.engine.domain;

import java.math.BigDecimal;

/** An amount of an asset borrowed against the collateral. */
public record Debt(String asset, BigDecimal amount) {

  public Debt {
    asset = Checks.text("asset", asset);
    Checks.nonNegative("amount", amount);
  }
}

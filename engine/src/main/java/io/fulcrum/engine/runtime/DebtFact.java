package io.fulcrum.engine.runtime;

import java.math.BigDecimal;

/** A borrowed amount valued in the valuation currency. Read-only for rules. */
public final class DebtFact {

  private final String asset;
  private final BigDecimal amount;
  private final BigDecimal price;

  DebtFact(String asset, BigDecimal amount, BigDecimal price) {
    this.asset = asset;
    this.amount = amount;
    this.price = price;
  }

  public String getAsset() {
    return asset;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public BigDecimal getPrice() {
    return price;
  }

  public BigDecimal getValue() {
    return amount.multiply(price);
  }

  public String describe() {
    return "debt " + asset + " " + amount.toPlainString() + " @ " + price.toPlainString();
  }

  @Override
  public String toString() {
    return describe();
  }
}

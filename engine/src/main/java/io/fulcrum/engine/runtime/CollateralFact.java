package io.fulcrum.engine.runtime;

import io.fulcrum.engine.decision.Rounding;
import java.math.BigDecimal;

/**
 * A collateral balance as the rules see it: amount, price and value in the valuation currency, the
 * parameters decision tables chose for it (e.g. loan-to-value), and the haircuts rules set. A
 * haircut is the part of the value that does not count towards a requirement: the initial haircut
 * against the initial margin, the maintenance haircut against the maintenance margin.
 */
public final class CollateralFact extends TableParameters {

  private final String asset;
  private final BigDecimal amount;
  private final BigDecimal price;
  private final AssignmentLog log;
  private BigDecimal initialHaircut;
  private BigDecimal maintenanceHaircut;
  private String description;

  CollateralFact(String asset, BigDecimal amount, BigDecimal price, AssignmentLog log) {
    this.asset = asset;
    this.amount = amount;
    this.price = price;
    this.log = log;
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

  /** amount x price. */
  public BigDecimal getValue() {
    return amount.multiply(price);
  }

  public Object property(String name) {
    return switch (name) {
      case "asset" -> asset;
      case "amount" -> amount;
      case "price" -> price;
      case "value" -> getValue();
      default -> null;
    };
  }

  public BigDecimal getInitialHaircut() {
    return initialHaircut;
  }

  public void setInitialHaircut(BigDecimal value) {
    initialHaircut = Rounding.requirement(value);
    log.record(label(), "initialHaircut", initialHaircut);
  }

  public BigDecimal getMaintenanceHaircut() {
    return maintenanceHaircut;
  }

  public void setMaintenanceHaircut(BigDecimal value) {
    maintenanceHaircut = Rounding.requirement(value);
    log.record(label(), "maintenanceHaircut", maintenanceHaircut);
  }

  String label() {
    return "collateral " + asset;
  }

  /** What the explanation shows for this balance; made of inputs only, so built once. */
  @Override
  public String describe() {
    String d = description;
    if (d == null) {
      d = buildDescription();
      description = d;
    }
    return d;
  }

  private String buildDescription() {
    return label()
        + " "
        + amount.toPlainString()
        + " @ "
        + price.toPlainString()
        + " (value "
        + Rounding.money(getValue()).toPlainString()
        + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}

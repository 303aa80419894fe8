package io.fulcrum.scenarios.impact;

import io.fulcrum.engine.compare.Difference;

/** What a difference between the baseline and candidate decision changes, for the book summary. */
public enum ChangeKind {
  STATUS("status"),
  INITIAL_MARGIN("initial margin"),
  MAINTENANCE_MARGIN("maintenance margin"),
  LIQUIDATION_PRICE("liquidation price"),
  FLAGS("flags"),
  PARAMETERS("decision-table parameters"),
  OTHER("other figures (balance, ratio, metrics)");

  private final String label;

  ChangeKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The kind of a difference, by its field (account and position fields alike). */
  public static ChangeKind of(Difference d) {
    String field = d.field();
    if (field.equals("status")) {
      return STATUS;
    }
    if (field.equals("initialMargin")) {
      return INITIAL_MARGIN;
    }
    if (field.equals("maintenanceMargin")) {
      return MAINTENANCE_MARGIN;
    }
    if (field.equals("liquidationPrice")) {
      return LIQUIDATION_PRICE;
    }
    if (field.equals("flags")) {
      return FLAGS;
    }
    if (field.startsWith("parameters.")) {
      return PARAMETERS;
    }
    return OTHER;
  }
}

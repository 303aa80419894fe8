package io.fulcrum.scenarios.impact;

import java.math.BigDecimal;

/**
 * One field that differs between the baseline and the candidate decision of an account in a market
 * state. Values are the decisions' own (numbers as {@link BigDecimal}, statuses and flags as text),
 * {@code null} when the field is absent on that side.
 *
 * @param position the instrument of the position the field belongs to, or null for an account field
 * @param field the decision field: {@code status}, {@code initialMargin}, {@code
 *     maintenanceMargin}, {@code marginBalance}, {@code marginRatio}, {@code metrics.<name>},
 *     {@code flags}, {@code positions} (their count); on a position {@code initialMargin}, {@code
 *     maintenanceMargin}, {@code liquidationPrice}, {@code parameters.<name>}
 */
public record Difference(String position, String field, Object baseline, Object candidate) {

  public Difference {
    if (field == null || field.isBlank()) {
      throw new IllegalArgumentException("field must be named");
    }
  }

  /** What kind of change this is, for the book summary. */
  public Kind kind() {
    if (field.equals("status")) {
      return Kind.STATUS;
    }
    if (field.equals("initialMargin")) {
      return Kind.INITIAL_MARGIN;
    }
    if (field.equals("maintenanceMargin")) {
      return Kind.MAINTENANCE_MARGIN;
    }
    if (field.equals("liquidationPrice")) {
      return Kind.LIQUIDATION_PRICE;
    }
    if (field.equals("flags")) {
      return Kind.FLAGS;
    }
    if (field.startsWith("parameters.")) {
      return Kind.PARAMETERS;
    }
    return Kind.OTHER;
  }

  /** E.g. {@code position BTCUSDT parameter maxLeverage: 125 -> 75}. */
  public String text() {
    String name = field.startsWith("parameters.") ? "parameter " + field.substring(11) : field;
    return (position == null ? "" : "position " + position + " ")
        + name
        + ": "
        + text(baseline)
        + " -> "
        + text(candidate);
  }

  @Override
  public String toString() {
    return text();
  }

  static String text(Object value) {
    if (value == null) {
      return "none";
    }
    return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
  }

  /** Kinds of change, in the order the summary lists them. */
  public enum Kind {
    STATUS("status"),
    INITIAL_MARGIN("initial margin"),
    MAINTENANCE_MARGIN("maintenance margin"),
    LIQUIDATION_PRICE("liquidation price"),
    FLAGS("flags"),
    PARAMETERS("decision-table parameters"),
    OTHER("other figures (balance, ratio, metrics)");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}

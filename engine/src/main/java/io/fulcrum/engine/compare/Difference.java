package io.fulcrum.engine.compare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One thing that differs between two decisions, found by {@link DecisionComparison}.
 *
 * <p>Paths: a decision field ({@code status}, {@code initialMargin}, {@code marginRatio}), a map
 * entry ({@code metrics.healthFactor}), the flags ({@code flags}, the list of {@code name (rule)};
 * {@code flags[name (rule)].detail} for a flag's text), a position by instrument ({@code
 * positions[BTCUSDT].maintenanceMargin}, {@code positions[BTCUSDT].parameters.maxLeverage}; a
 * second position on the same instrument is {@code positions[BTCUSDT#2]}), or an explanation step
 * ({@code explanation}, or {@code explanation[position BTCUSDT: table 'BTC maintenance brackets']}
 * for a table both sides evaluated with different rows or outputs).
 *
 * @param path where the decisions differ
 * @param kind {@link Kind#ADDED} when only the second (after, candidate, replayed) decision has a
 *     value there, {@link Kind#REMOVED} when only the first has one
 * @param before the first decision's value, null when absent: numbers as {@link BigDecimal}, text
 *     as {@link String}, flags as a list of {@code name (rule)} (empty, not null, when none was
 *     raised), an explanation step as its signature text, a table hit as {@link TableOutcome}; a
 *     whole added or removed position as its JSON tree
 * @param after the second decision's value, likewise
 * @param delta {@code after - before} when both are numbers, else null
 */
public record Difference(String path, Kind kind, Object before, Object after, BigDecimal delta) {

  /** How a path differs. */
  public enum Kind {
    CHANGED("~"),
    ADDED("+"),
    REMOVED("-");

    private final String symbol;

    Kind(String symbol) {
      this.symbol = symbol;
    }

    /** As a diff marks lines: {@code ~} changed, {@code +} added, {@code -} removed. */
    public String symbol() {
      return symbol;
    }
  }

  /** What a decision-table step selected: its rows and its outputs by column name. */
  public record TableOutcome(List<Integer> rows, Map<String, Object> outputs) {

    public TableOutcome {
      rows = List.copyOf(rows);
      outputs = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(outputs));
    }

    /** E.g. {@code row 3} or {@code row 2, row 3}; {@code no row} when none was selected. */
    public String rowText() {
      return rows.isEmpty()
          ? "no row"
          : String.join(", ", rows.stream().map(r -> "row " + r).toList());
    }
  }

  public Difference {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("path must be named");
    }
    if (kind == null) {
      throw new IllegalArgumentException("kind must be given");
    }
  }

  static final String POSITIONS = "positions[";

  static final String EXPLANATION = "explanation";

  /** The instrument of the position the path lies in, or null for anything else. */
  public String position() {
    if (!path.startsWith(POSITIONS)) {
      return null;
    }
    int end = path.indexOf(']', POSITIONS.length());
    return end < 0 ? null : path.substring(POSITIONS.length(), end);
  }

  /**
   * The path inside its position ({@code maintenanceMargin}, {@code parameters.maxLeverage}), the
   * whole path for anything else; {@code position} for a whole position added or removed.
   */
  public String field() {
    String position = position();
    if (position == null) {
      return path;
    }
    int from = POSITIONS.length() + position.length() + 1;
    return from >= path.length() ? "position" : path.substring(from + 1);
  }

  /** True for a difference in the explanation's steps. */
  public boolean inExplanation() {
    return path.equals(EXPLANATION) || path.startsWith(EXPLANATION + "[");
  }

  /**
   * For people: {@code position BTCUSDT parameter maxLeverage: 125 -> 75}, {@code status: OK ->
   * MARGIN_CALL}, {@code marginRatio: none -> 0.5}; an explanation step only one side has is its
   * signature ({@code position BTCUSDT: rule 'Bracket margin'}); a table both sides evaluated names
   * its rows and the outputs that changed ({@code position BTCUSDT: table 'BTC maintenance
   * brackets' row 3: maintenanceMarginRate 0.01 -> 0.0125}).
   */
  public String text() {
    if (inExplanation()) {
      if (before instanceof TableOutcome a && after instanceof TableOutcome b) {
        return tableText(a, b);
      }
      return String.valueOf(kind == Kind.ADDED ? after : before);
    }
    String position = position();
    String field = field();
    String name = field.startsWith("parameters.") ? "parameter " + field.substring(11) : field;
    return (position == null ? "" : "position " + position + " ")
        + name
        + ": "
        + figure(before)
        + " -> "
        + figure(after);
  }

  @Override
  public String toString() {
    return text();
  }

  private String tableText(TableOutcome a, TableOutcome b) {
    String key = path.substring(EXPLANATION.length() + 1, path.length() - 1);
    String where =
        a.rowText().equals(b.rowText()) ? a.rowText() : a.rowText() + " -> " + b.rowText();
    List<String> columns = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(a.outputs().keySet());
    names.addAll(b.outputs().keySet());
    for (String column : names) {
      Object p = a.outputs().get(column);
      Object q = b.outputs().get(column);
      if (!DecisionComparison.sameValue(p, q)) {
        columns.add(column + " " + cell(p) + " -> " + cell(q));
      }
    }
    return key
        + " "
        + where
        + (columns.isEmpty() ? " (same outputs)" : ": " + String.join(", ", columns));
  }

  /** A table cell: numbers without trailing zeros ({@code 0.0125}, {@code 75}). */
  static String cell(Object value) {
    if (value == null) {
      return "none";
    }
    if (value instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }

  private static String figure(Object value) {
    if (value == null) {
      return "none";
    }
    return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
  }
}

package io.fulcrum.engine.dmn;

import java.util.ArrayList;
import java.util.List;

/**
 * A DMN decision table as authored, read by {@link DecisionTables}: its columns and its rows, every
 * cell as the FEEL text written in it (stripped of surrounding white space). Rows are numbered from
 * 1 in document order, as modelling tools, the KIE runtime's match events, explanations, the policy
 * diff and the impact report number them.
 *
 * @param decision the name of the decision the table is the logic of; tables are known by it
 * @param id the table's {@code id} attribute, or null
 * @param outputLabel the table's {@code outputLabel}, or null
 * @param hitPolicy the hit policy's name ({@code UNIQUE}, {@code FIRST}, {@code PRIORITY}, {@code
 *     ANY}, {@code COLLECT}, {@code RULE_ORDER}, {@code OUTPUT_ORDER})
 * @param aggregation the aggregation of a {@code COLLECT} table ({@code SUM}, {@code COUNT}, {@code
 *     MIN}, {@code MAX}), or null
 * @param inputs input columns, left to right
 * @param outputs output columns, left to right
 * @param annotations the names of the annotation columns, left to right
 * @param rows the rules, numbered from 1
 */
public record DecisionTable(
    String decision,
    String id,
    String outputLabel,
    String hitPolicy,
    String aggregation,
    List<InputColumn> inputs,
    List<OutputColumn> outputs,
    List<String> annotations,
    List<Row> rows) {

  public DecisionTable {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    annotations = List.copyOf(annotations);
    rows = List.copyOf(rows);
  }

  /**
   * An input column.
   *
   * @param label the column's {@code label}, or null
   * @param expression the FEEL text of its input expression (e.g. {@code notional})
   * @param type the input expression's {@code typeRef} (e.g. {@code number}), or null
   */
  public record InputColumn(String label, String expression, String type) {

    /** The name a reader knows the column by: its label, else its expression. */
    public String name() {
      return label == null || label.isBlank() ? expression : label;
    }
  }

  /**
   * An output column.
   *
   * @param name the column's {@code name} (the key of the table's result when it has several
   *     outputs), or null
   * @param label the column's {@code label}, or null
   * @param type its {@code typeRef}, or null
   */
  public record OutputColumn(String name, String label, String type) {

    /** The name a reader knows the column by: its name, else its label, else empty. */
    public String columnName() {
      if (name != null && !name.isBlank()) {
        return name;
      }
      return label == null ? "" : label;
    }
  }

  /**
   * One rule of the table.
   *
   * @param number 1-based position in the table
   * @param id the rule's {@code id} attribute, or null
   * @param inputEntries one per input column (empty text for an empty cell)
   * @param outputEntries one per output column
   * @param annotations one per annotation column (empty text for an empty cell)
   * @param description the rule's {@code description}, or null
   */
  public record Row(
      int number,
      String id,
      List<String> inputEntries,
      List<String> outputEntries,
      List<String> annotations,
      String description) {

    public Row {
      inputEntries = List.copyOf(inputEntries);
      outputEntries = List.copyOf(outputEntries);
      annotations = List.copyOf(annotations);
    }

    /** Input entries, then output entries, then annotations: the order of {@link #columns()}. */
    public List<String> cells() {
      List<String> cells = new ArrayList<>(inputEntries);
      cells.addAll(outputEntries);
      cells.addAll(annotations);
      return List.copyOf(cells);
    }
  }

  /** Column names: inputs, then outputs, then annotations, as in {@link Row#cells()}. */
  public List<String> columns() {
    List<String> names = new ArrayList<>();
    inputs.forEach(c -> names.add(c.name()));
    outputs.forEach(c -> names.add(c.columnName()));
    names.addAll(annotations);
    return List.copyOf(names);
  }

  /**
   * Row {@code number} (1-based).
   *
   * @throws IllegalArgumentException when the table has no such row
   */
  public Row row(int number) {
    if (number < 1 || number > rows.size()) {
      throw new IllegalArgumentException(
          "decision table of '" + decision + "' has rows 1.." + rows.size() + ", not " + number);
    }
    return rows.get(number - 1);
  }

  /**
   * The entry of row {@code number} under the input or output column named {@code column} (see
   * {@link #columns()}).
   *
   * @throws IllegalArgumentException naming the column when there is none by that name
   */
  public String cell(int number, String column) {
    int at = columns().indexOf(column);
    if (at < 0) {
      throw new IllegalArgumentException(
          "decision table of '" + decision + "' has no column '" + column + "'; has " + columns());
    }
    return row(number).cells().get(at);
  }
}

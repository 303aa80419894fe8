package io.fulcrum.admin.application;

import io.fulcrum.engine.dmn.DecisionTable;
import io.fulcrum.engine.dmn.DecisionTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A version's DMN decision tables as authored, for reading: every {@code .dmn} file of the bundle
 * (by path), each table in document order with its columns and its rows numbered from 1. Tables are
 * read by {@link DecisionTables} from the stored bytes (parsed, not compiled, so a DRAFT whose FEEL
 * does not compile is shown too), which numbers rows as explanations' table hits and the policy
 * diff do. A file that is not a readable DMN model is listed under {@code unreadable} with the
 * reader's message (file and line when known) instead of failing the whole answer.
 *
 * @param policy the policy id
 * @param version the version
 * @param bundleHash the bundle's content hash the files were read from
 * @param tables every decision table, files in path order, tables in document order
 * @param unreadable the {@code .dmn} files that could not be read, with the reason
 */
public record PolicyTables(
    String policy,
    String version,
    String bundleHash,
    List<Table> tables,
    List<Unreadable> unreadable) {

  public PolicyTables {
    tables = List.copyOf(tables);
    unreadable = List.copyOf(unreadable);
  }

  /** Where a column sits: an input, an output or an annotation column. */
  public enum ColumnKind {
    INPUT,
    OUTPUT,
    ANNOTATION
  }

  /**
   * A column, named as the policy diff names it (an input's label, else its expression; an output's
   * name, else its label; an annotation's name).
   *
   * @param expression an input column's FEEL input expression (e.g. {@code notional}), else null
   * @param type the column's {@code typeRef} (e.g. {@code number}), or null (annotations have none)
   */
  public record Column(ColumnKind kind, String name, String expression, String type) {}

  /**
   * One rule.
   *
   * @param number 1-based position in the table, as explanations and the diff number rows
   * @param id the rule's {@code id} attribute, or null
   * @param description the rule's {@code description}, or null
   * @param cells one per column of the table, in the same order (empty text for an empty cell)
   */
  public record Row(int number, String id, String description, List<String> cells) {
    public Row {
      cells = List.copyOf(cells);
    }
  }

  /**
   * One decision table.
   *
   * @param file the bundle path of the DMN file
   * @param decision the name of the decision whose logic the table is
   * @param hitPolicy {@code UNIQUE}, {@code FIRST}, {@code PRIORITY}, {@code ANY}, {@code COLLECT},
   *     {@code RULE_ORDER} or {@code OUTPUT_ORDER}
   * @param aggregation a {@code COLLECT} table's aggregation, or null
   * @param columns inputs, then outputs, then annotations
   */
  public record Table(
      String file,
      String decision,
      String hitPolicy,
      String aggregation,
      String outputLabel,
      List<Column> columns,
      List<Row> rows) {
    public Table {
      columns = List.copyOf(columns);
      rows = List.copyOf(rows);
    }
  }

  /** A {@code .dmn} file that is not a readable DMN model, with the reader's message. */
  public record Unreadable(String file, String problem) {}

  /** The tables of the {@code .dmn} files among {@code files} (bundle path to content). */
  public static PolicyTables of(
      String policy, String version, String bundleHash, Map<String, byte[]> files) {
    List<Table> tables = new ArrayList<>();
    List<Unreadable> unreadable = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
      if (!file.getKey().endsWith(".dmn")) {
        continue;
      }
      List<DecisionTable> read;
      try {
        read = DecisionTables.read(file.getKey(), file.getValue());
      } catch (IllegalArgumentException e) {
        unreadable.add(new Unreadable(file.getKey(), e.getMessage()));
        continue;
      }
      for (DecisionTable t : read) {
        tables.add(table(file.getKey(), t));
      }
    }
    return new PolicyTables(policy, version, bundleHash, tables, unreadable);
  }

  private static Table table(String file, DecisionTable t) {
    List<Column> columns = new ArrayList<>();
    t.inputs()
        .forEach(
            c -> columns.add(new Column(ColumnKind.INPUT, c.name(), c.expression(), c.type())));
    t.outputs()
        .forEach(c -> columns.add(new Column(ColumnKind.OUTPUT, c.columnName(), null, c.type())));
    t.annotations().forEach(a -> columns.add(new Column(ColumnKind.ANNOTATION, a, null, null)));
    List<Row> rows =
        t.rows().stream()
            .map(r -> new Row(r.number(), r.id(), r.description(), r.cells()))
            .toList();
    return new Table(
        file, t.decision(), t.hitPolicy(), t.aggregation(), t.outputLabel(), columns, rows);
  }
}

package io.fulcrum.admin.application;

import io.fulcrum.engine.dmn.DecisionTable;
import io.fulcrum.engine.dmn.DecisionTables;
import io.fulcrum.engine.support.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * What changed between two versions: every file (added, removed, changed, unchanged, with content
 * hashes) and, for decision tables in changed files, the rows that changed, cell by cell (old and
 * new value under the column's name). Rows are compared by position: a decision table's row number
 * is its identity for the people who read it (bracket 3 is row 3). DMN tables are read by {@link
 * DecisionTables} (from the bytes, so a DRAFT that does not compile can still be compared), which
 * numbers rows as explanations and the impact report do; a spreadsheet table ({@code *.drl.csv}) is
 * one table of its CSV records under columns {@code column 1}, {@code column 2}, ...
 */
public record PolicyDiff(String from, String to, List<FileChange> files, List<TableChange> tables) {

  public enum Change {
    ADDED,
    REMOVED,
    CHANGED,
    UNCHANGED
  }

  public record FileChange(String path, Change change, String fromHash, String toHash) {}

  public record TableChange(String file, String table, List<RowChange> rows) {}

  /** A row's change; {@code row} is 1-based as authored. */
  public record RowChange(int row, Change change, List<CellChange> cells) {}

  public record CellChange(String column, String from, String to) {}

  public static PolicyDiff between(
      String fromRef, Map<String, byte[]> from, String toRef, Map<String, byte[]> to) {
    List<FileChange> files = new ArrayList<>();
    List<TableChange> tables = new ArrayList<>();
    TreeSet<String> paths = new TreeSet<>(from.keySet());
    paths.addAll(to.keySet());
    for (String path : paths) {
      byte[] a = from.get(path);
      byte[] b = to.get(path);
      String ha = hash(a);
      String hb = hash(b);
      Change change =
          a == null
              ? Change.ADDED
              : b == null ? Change.REMOVED : ha.equals(hb) ? Change.UNCHANGED : Change.CHANGED;
      files.add(new FileChange(path, change, ha, hb));
      if (change != Change.UNCHANGED && isTableFile(path)) {
        tables.addAll(tableChanges(path, a, b));
      }
    }
    return new PolicyDiff(fromRef, toRef, List.copyOf(files), List.copyOf(tables));
  }

  private static List<TableChange> tableChanges(String path, byte[] a, byte[] b) {
    Map<String, Table> before = a == null ? Map.of() : tables(path, a);
    Map<String, Table> after = b == null ? Map.of() : tables(path, b);
    TreeSet<String> names = new TreeSet<>(before.keySet());
    names.addAll(after.keySet());
    List<TableChange> out = new ArrayList<>();
    for (String name : names) {
      List<RowChange> rows = rowChanges(before.get(name), after.get(name));
      if (!rows.isEmpty()) {
        out.add(new TableChange(path, name, rows));
      }
    }
    return out;
  }

  static List<RowChange> rowChanges(Table before, Table after) {
    List<List<String>> ra = before == null ? List.of() : before.rows();
    List<List<String>> rb = after == null ? List.of() : after.rows();
    List<String> columns = after != null ? after.columns() : before.columns();
    List<RowChange> out = new ArrayList<>();
    for (int i = 0; i < Math.max(ra.size(), rb.size()); i++) {
      List<String> x = i < ra.size() ? ra.get(i) : null;
      List<String> y = i < rb.size() ? rb.get(i) : null;
      if (Objects.equals(x, y)) {
        continue;
      }
      Change change = x == null ? Change.ADDED : y == null ? Change.REMOVED : Change.CHANGED;
      List<CellChange> cells = new ArrayList<>();
      int width = Math.max(x == null ? 0 : x.size(), y == null ? 0 : y.size());
      for (int c = 0; c < width; c++) {
        String old = x == null || c >= x.size() ? null : x.get(c);
        String now = y == null || c >= y.size() ? null : y.get(c);
        if (!Objects.equals(old, now)) {
          cells.add(
              new CellChange(c < columns.size() ? columns.get(c) : "column " + (c + 1), old, now));
        }
      }
      out.add(new RowChange(i + 1, change, List.copyOf(cells)));
    }
    return out;
  }

  /** One table: column names (inputs, outputs, annotations) and rows of cells in that order. */
  record Table(List<String> columns, List<List<String>> rows) {}

  static boolean isTableFile(String path) {
    return path.endsWith(".dmn") || path.endsWith(".drl.csv");
  }

  /** The file's tables by name, in document order; empty if the file does not parse. */
  static Map<String, Table> tables(String path, byte[] content) {
    if (path.endsWith(".dmn")) {
      Map<String, Table> tables = new LinkedHashMap<>();
      try {
        for (DecisionTable t : DecisionTables.read(path, content)) {
          tables.put(
              t.decision(),
              new Table(t.columns(), t.rows().stream().map(DecisionTable.Row::cells).toList()));
        }
      } catch (IllegalArgumentException e) {
        return Map.of();
      }
      return tables;
    }
    List<List<String>> rows = new ArrayList<>();
    int width = 0;
    try (Reader r =
        new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
      for (CSVRecord rec : CSVFormat.DEFAULT.parse(r)) {
        rows.add(rec.toList());
        width = Math.max(width, rec.size());
      }
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
    List<String> columns = new ArrayList<>();
    for (int i = 1; i <= width; i++) {
      columns.add("column " + i);
    }
    return Map.of(path, new Table(columns, rows));
  }

  private static String hash(byte[] bytes) {
    return bytes == null ? null : Sha256.hex(bytes);
  }
}

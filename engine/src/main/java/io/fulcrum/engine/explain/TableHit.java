package io.fulcrum.engine.explain;

import java.util.List;
import java.util.SortedMap;

/**
 * A DMN decision table evaluation: which rows matched and were selected (1-based, as in the
 * modelling tools), with their entries as written, so the row can be read without the model.
 */
public record TableHit(
    String subject,
    String table,
    String hitPolicy,
    SortedMap<String, Object> inputs,
    List<Integer> matchedRows,
    List<Integer> selectedRows,
    List<TableRow> rows,
    Object output)
    implements ExplanationStep {

  /** A row of a decision table as authored. */
  public record TableRow(
      int row, List<String> inputEntries, List<String> outputEntries, String annotation) {}
}

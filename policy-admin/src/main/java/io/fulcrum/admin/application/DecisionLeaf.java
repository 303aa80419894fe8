package io.fulcrum.admin.application;

import io.fulcrum.engine.transparency.AuditLeaf;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A decision's leaf in the decision log with what it is computed from: the stored decision row's
 * columns (in {@link AuditLeaf#DECISION_COLUMNS} order; their field hash is the record's content
 * hash) and the audit record's fields.
 */
public record DecisionLeaf(String decisionId, AuditLeaf leaf, Map<String, String> columns) {
  public DecisionLeaf {
    columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }
}

package io.fulcrum.engine.runtime;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A policy's DMN decision table matched no row for the inputs of a subject while deciding (a gap
 * between notional brackets, a symbol the table does not list). The request is well formed; the
 * policy does not cover it, so this is a policy fault, never an invalid request. The message names
 * the policy, the model file, the decision, the table and the input values that matched no row.
 */
public final class DecisionTableNoMatch extends PolicyEvaluationFailed {

  private final String model;
  private final String decision;
  private final String table;
  private final String subject;
  private final SortedMap<String, Object> inputs;

  DecisionTableNoMatch(
      String policy,
      String model,
      String decision,
      String table,
      String subject,
      SortedMap<String, Object> inputs) {
    super(
        "policy "
            + policy
            + ": decision table '"
            + table
            + "' (decision '"
            + decision
            + "' in "
            + model
            + ") matched no row for "
            + subject
            + " with inputs "
            + inputs
            + ": the table has a gap or does not list these inputs (a fault of the policy, not"
            + " of the request)");
    this.model = model;
    this.decision = decision;
    this.table = table;
    this.subject = subject;
    this.inputs = Collections.unmodifiableSortedMap(new TreeMap<>(inputs));
  }

  /** The DMN file, as named in the manifest. */
  public String model() {
    return model;
  }

  public String decision() {
    return decision;
  }

  /** The table's label (its output label), or the decision name when it has none. */
  public String table() {
    return table;
  }

  /** What was decided, e.g. {@code position BTCUSDT}. */
  public String subject() {
    return subject;
  }

  /** The DMN input values that matched no row, by input name. */
  public SortedMap<String, Object> inputs() {
    return inputs;
  }
}

package io.fulcrum.engine.runtime;

import io.fulcrum.engine.dmn.CompiledDecisionTable;
import io.fulcrum.engine.explain.DecisionEvaluated;
import io.fulcrum.engine.explain.ExplanationRecorder;
import io.fulcrum.engine.explain.TableHit;
import io.fulcrum.engine.explain.TableHit.TableRow;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.DmnCapture;
import io.fulcrum.engine.policy.DmnModels;
import io.fulcrum.engine.policy.PolicyManifest.DecisionBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;

/**
 * Evaluates a policy's DMN decisions for one subject (a position or a collateral balance) and
 * records each decision and table hit. A multi-output decision yields a context whose entries
 * become the subject's parameters; a single output is stored under the decision's name.
 */
final class DmnStage {

  private final CompiledPolicy policy;
  private final ExplanationRecorder recorder;

  DmnStage(CompiledPolicy policy, ExplanationRecorder recorder) {
    this.policy = policy;
    this.recorder = recorder;
  }

  /** Evaluates every binding for {@code subjectKind}; returns the merged parameters. */
  SortedMap<String, Object> evaluate(
      String subjectKind, String subject, Function<String, Object> properties) {
    SortedMap<String, Object> parameters = new TreeMap<>();
    for (DmnModels.Prepared decision : policy.dmn().decisions(subjectKind)) {
      parameters.putAll(evaluate(decision, subject, properties));
    }
    return parameters;
  }

  private Map<String, Object> evaluate(
      DmnModels.Prepared decision, String subject, Function<String, Object> properties) {
    List<String> names = decision.inputs();
    List<String> propertyNames = decision.properties();
    Object[] values = new Object[names.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = properties.apply(propertyNames.get(i));
    }
    CompiledDecisionTable table = decision.table();
    if (table != null) {
      int[] at = decision.tableInputs();
      Object[] read = new Object[at.length];
      for (int i = 0; i < at.length; i++) {
        read[i] = values[at[i]];
      }
      CompiledDecisionTable.Match match = table.evaluate(read);
      if (match != null) {
        return compiled(decision, match, subject, values);
      }
    }
    return runtime(decision, subject, values);
  }

  /**
   * Records what the KIE runtime path records for the same tables and result (a hit per table in
   * evaluation order, each with the decision's output, then the decision); see the equivalence
   * test.
   */
  private Map<String, Object> compiled(
      DmnModels.Prepared decision,
      CompiledDecisionTable.Match match,
      String subject,
      Object[] values) {
    Object output = match.output();
    if (recorder.isEnabled()) {
      SortedMap<String, Object> inputs = inputs(decision, values);
      // a compiled output map is already sorted by name and never changed afterwards: shared
      Object shown = output instanceof SortedMap<?, ?> ? output : sorted(output);
      for (CompiledDecisionTable.TableEvaluation t : match.tables()) {
        List<List<TableRow>> rows = decision.selectedRows().get(t.index());
        recorder.add(
            new TableHit(
                subject,
                decision.labels().get(t.index()),
                decision.hitPolicies().get(t.index()),
                inputs,
                t.matched(),
                t.selected(),
                t.row() <= rows.size() ? rows.get(t.row() - 1) : List.of(),
                shown));
      }
      DecisionBinding binding = decision.binding();
      recorder.add(
          new DecisionEvaluated(subject, binding.model(), binding.decision(), inputs, shown));
    }
    if (output instanceof Map<?, ?>) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) output; // sorted by name, String keys
      return map;
    }
    return Map.of(decision.binding().decision(), output);
  }

  private static SortedMap<String, Object> inputs(DmnModels.Prepared decision, Object[] values) {
    SortedMap<String, Object> inputs = new TreeMap<>();
    List<String> names = decision.inputs();
    for (int i = 0; i < values.length; i++) {
      inputs.put(names.get(i), values[i]);
    }
    return inputs;
  }

  private Map<String, Object> runtime(DmnModels.Prepared prepared, String subject, Object[] given) {
    DecisionBinding binding = prepared.binding();
    DmnModels dmn = policy.dmn();
    DMNModel model = prepared.model();
    DMNContext context = dmn.runtime().newContext();
    SortedMap<String, Object> inputs = inputs(prepared, given);
    List<String> names = prepared.inputs();
    for (int i = 0; i < given.length; i++) {
      context.set(names.get(i), given[i]);
    }
    if (recorder.isEnabled()) {
      DmnCapture.begin();
    }
    DMNResult result;
    List<DmnCapture.TableEvaluation> tables;
    try {
      result = dmn.runtime().evaluateByName(model, context, binding.decision());
    } finally {
      tables = recorder.isEnabled() ? DmnCapture.end() : List.of();
    }
    DMNDecisionResult decision = result.getDecisionResultByName(binding.decision());
    if (result.hasErrors()
        || decision == null
        || decision.getEvaluationStatus() != DMNDecisionResult.DecisionEvaluationStatus.SUCCEEDED) {
      throw new PolicyEvaluationFailed(
          "policy "
              + policy.stamp().ref()
              + ": DMN decision '"
              + binding.decision()
              + "' ("
              + binding.model()
              + ") failed for "
              + subject
              + " with inputs "
              + inputs
              + ": "
              + result.getMessages(DMNMessage.Severity.ERROR).stream()
                  .map(DMNMessage::getText)
                  .collect(Collectors.joining("; ")));
    }
    Object output = decision.getResult();
    if (output == null) {
      // No row matched (KIE DMN returns null, not an error): a gap in the policy's table.
      throw new DecisionTableNoMatch(
          policy.stamp().ref(),
          binding.model(),
          binding.decision(),
          dmn.label(binding.decision()),
          subject,
          inputs);
    }
    for (DmnCapture.TableEvaluation t : tables) {
      recorder.add(tableHit(dmn, t, subject, inputs, output));
    }
    if (recorder.isEnabled()) {
      recorder.add(
          new DecisionEvaluated(
              subject, binding.model(), binding.decision(), inputs, sorted(output)));
    }
    if (output instanceof Map<?, ?> map) {
      Map<String, Object> values = new TreeMap<>();
      map.forEach((k, v) -> values.put(String.valueOf(k), v));
      return values;
    }
    return Map.of(binding.decision(), output);
  }

  private static TableHit tableHit(
      DmnModels dmn,
      DmnCapture.TableEvaluation t,
      String subject,
      SortedMap<String, Object> inputs,
      Object output) {
    List<TableRow> all = dmn.rows(t.table());
    List<TableRow> selectedRows = new ArrayList<>();
    for (int row : t.selected()) {
      if (row >= 1 && row <= all.size()) {
        selectedRows.add(all.get(row - 1));
      }
    }
    return new TableHit(
        subject,
        dmn.label(t.table()),
        dmn.hitPolicy(t.table()),
        inputs,
        t.matched(),
        t.selected(),
        selectedRows,
        sorted(output));
  }

  private static Object sorted(Object output) {
    if (output instanceof Map<?, ?> map) {
      TreeMap<String, Object> copy = new TreeMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), v));
      return copy;
    }
    return output;
  }
}

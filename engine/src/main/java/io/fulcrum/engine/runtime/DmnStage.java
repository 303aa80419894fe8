package io.fulcrum.engine.runtime;

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
    for (DecisionBinding binding : policy.manifest().decisions()) {
      if (binding.subject().equals(subjectKind)) {
        parameters.putAll(evaluate(binding, subject, properties));
      }
    }
    return parameters;
  }

  private Map<String, Object> evaluate(
      DecisionBinding binding, String subject, Function<String, Object> properties) {
    DmnModels dmn = policy.dmn();
    DMNModel model = dmn.model(binding.model());
    DMNContext context = dmn.runtime().newContext();
    SortedMap<String, Object> inputs = new TreeMap<>();
    binding
        .inputs()
        .forEach(
            (dmnInput, property) -> {
              Object value = properties.apply(property);
              inputs.put(dmnInput, value);
              context.set(dmnInput, value);
            });
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

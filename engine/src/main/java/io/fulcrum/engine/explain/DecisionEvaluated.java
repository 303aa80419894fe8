package io.fulcrum.engine.explain;

import java.util.SortedMap;

/** A DMN decision evaluated for a subject: its inputs and result. */
public record DecisionEvaluated(
    String subject, String model, String decision, SortedMap<String, Object> inputs, Object result)
    implements ExplanationStep {}

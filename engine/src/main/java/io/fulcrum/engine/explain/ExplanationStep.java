package io.fulcrum.engine.explain;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One thing the policy did on the way to a decision, in the order it happened. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = MeasureCalled.class, name = "MEASURE"),
  @JsonSubTypes.Type(value = DecisionEvaluated.class, name = "DMN_DECISION"),
  @JsonSubTypes.Type(value = TableHit.class, name = "DMN_TABLE"),
  @JsonSubTypes.Type(value = RuleFired.class, name = "RULE"),
  @JsonSubTypes.Type(value = Calculation.class, name = "CALCULATION")
})
public sealed interface ExplanationStep
    permits MeasureCalled, DecisionEvaluated, TableHit, RuleFired, Calculation {

  /** What the step was about, e.g. {@code position BTCUSDT} or {@code account}. */
  String subject();
}

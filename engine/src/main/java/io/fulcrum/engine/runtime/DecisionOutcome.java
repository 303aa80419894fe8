package io.fulcrum.engine.runtime;

import io.fulcrum.engine.decision.MarginDecision;
import java.util.Objects;

/**
 * The outcome of one request of a batch: its decision, or the failure that left it without one. One
 * request the policy cannot decide fails its own outcome and never the batch.
 */
public sealed interface DecisionOutcome {

  /** The decision, or the failure rethrown. */
  MarginDecision decisionOrThrow();

  /** A decision. */
  record Decided(MarginDecision decision) implements DecisionOutcome {
    public Decided {
      Objects.requireNonNull(decision, "decision");
    }

    @Override
    public MarginDecision decisionOrThrow() {
      return decision;
    }
  }

  /**
   * No decision: {@code error} is what {@link MarginEngine#decide} would have thrown for this
   * request alone (a {@link PolicyEvaluationFailed}, an {@link
   * io.fulcrum.engine.domain.InvalidRequest}, ...).
   */
  record Failed(RuntimeException error) implements DecisionOutcome {
    public Failed {
      Objects.requireNonNull(error, "error");
    }

    @Override
    public MarginDecision decisionOrThrow() {
      throw error;
    }
  }
}

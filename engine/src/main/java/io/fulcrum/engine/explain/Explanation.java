package io.fulcrum.engine.explain;

import java.util.List;

/**
 * Every step of a decision, in order. Empty, with {@code captured = false}, when the caller asked
 * for a decision without explanation (throughput runs).
 */
public record Explanation(boolean captured, List<ExplanationStep> steps) {

  public Explanation {
    steps = List.copyOf(steps);
  }

  public static Explanation notCaptured() {
    return new Explanation(false, List.of());
  }
}

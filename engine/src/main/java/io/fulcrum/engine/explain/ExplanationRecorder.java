package io.fulcrum.engine.explain;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects steps during one evaluation. Not thread-safe: one recorder per evaluation. The disabled
 * recorder drops everything so capture costs nothing when off.
 */
public class ExplanationRecorder {

  private static final ExplanationRecorder DISABLED =
      new ExplanationRecorder(false) {
        @Override
        public void add(ExplanationStep step) {}
      };

  private final boolean enabled;
  private final List<ExplanationStep> steps = new ArrayList<>();

  private ExplanationRecorder(boolean enabled) {
    this.enabled = enabled;
  }

  public static ExplanationRecorder enabled() {
    return new ExplanationRecorder(true);
  }

  public static ExplanationRecorder disabled() {
    return DISABLED;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void add(ExplanationStep step) {
    steps.add(step);
  }

  public Explanation toExplanation() {
    return enabled ? new Explanation(true, steps) : Explanation.notCaptured();
  }
}

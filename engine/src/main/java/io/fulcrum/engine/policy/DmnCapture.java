package io.fulcrum.engine.policy;

import java.util.ArrayList;
import java.util.List;
import org.kie.dmn.api.core.event.AfterEvaluateDecisionTableEvent;
import org.kie.dmn.api.core.event.DMNRuntimeEventListener;

/**
 * Records which decision-table rows matched during DMN evaluations on the current thread, while a
 * capture is open. The DMN runtime is shared, so the listener is registered once and keeps its
 * state per thread; with no capture open it does nothing.
 */
public final class DmnCapture implements DMNRuntimeEventListener {

  static final DmnCapture LISTENER = new DmnCapture();
  private static final ThreadLocal<List<TableEvaluation>> OPEN = new ThreadLocal<>();

  /** One decision-table evaluation: rows 1-based as in the modelling tools. */
  public record TableEvaluation(String table, List<Integer> matched, List<Integer> selected) {}

  private DmnCapture() {}

  /** Starts recording on this thread. */
  public static void begin() {
    OPEN.set(new ArrayList<>());
  }

  /** Stops recording and returns what was recorded since {@link #begin()}. */
  public static List<TableEvaluation> end() {
    List<TableEvaluation> out = OPEN.get();
    OPEN.remove();
    return out == null ? List.of() : out;
  }

  @Override
  public void afterEvaluateDecisionTable(AfterEvaluateDecisionTableEvent event) {
    List<TableEvaluation> open = OPEN.get();
    if (open != null) {
      open.add(
          new TableEvaluation(
              event.getDecisionTableName(),
              List.copyOf(event.getMatches()),
              List.copyOf(event.getSelected())));
    }
  }
}

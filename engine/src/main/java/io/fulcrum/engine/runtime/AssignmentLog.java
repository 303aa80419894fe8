package io.fulcrum.engine.runtime;

import io.fulcrum.engine.explain.RuleFired.Assignment;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the values rules set on facts while one rule fires, so the explanation can say what each
 * firing changed. One per evaluation; not thread-safe. The disabled log keeps nothing.
 */
public class AssignmentLog {

  static final AssignmentLog DISABLED =
      new AssignmentLog() {
        @Override
        void record(String target, String field, Object value) {}
      };

  private final List<Assignment> pending = new ArrayList<>();

  void record(String target, String field, Object value) {
    pending.add(new Assignment(target, field, value));
  }

  /** Forgets the assignments since the last call. */
  void clear() {
    pending.clear();
  }

  /** The assignments since the last call, in order (an immutable copy). */
  List<Assignment> drain() {
    if (pending.isEmpty()) {
      return List.of();
    }
    List<Assignment> out = List.copyOf(pending);
    pending.clear();
    return out;
  }
}

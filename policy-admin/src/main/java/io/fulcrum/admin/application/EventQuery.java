package io.fulcrum.admin.application;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which audited lifecycle events to list across policies: those of one policy (null: every policy),
 * of one action (null: every action), newest first.
 */
public record EventQuery(String policy, PolicyEvent.Action action) {

  /**
   * Parses the query parameters.
   *
   * @throws InvalidParameter naming {@code action} when it is not a lifecycle action
   */
  public static EventQuery of(String policy, String action) {
    PolicyEvent.Action a = null;
    if (action != null && !action.isBlank()) {
      try {
        a = PolicyEvent.Action.valueOf(action.strip());
      } catch (IllegalArgumentException e) {
        throw new InvalidParameter(
            "action",
            "action must be one of "
                + Arrays.toString(PolicyEvent.Action.values())
                + " but was '"
                + action
                + "'");
      }
    }
    return new EventQuery(policy == null || policy.isBlank() ? null : policy.strip(), a);
  }

  /**
   * One page (from 0) of the matching events, newest first.
   *
   * @param chainOrder events in audit-chain order (oldest first)
   */
  public Page<PolicyEvent> page(List<PolicyEvent> chainOrder, int page, int size) {
    List<PolicyEvent> matching = new ArrayList<>();
    for (int i = chainOrder.size() - 1; i >= 0; i--) {
      PolicyEvent e = chainOrder.get(i);
      if ((policy == null || policy.equals(e.policyId()))
          && (action == null || action == e.action())) {
        matching.add(e);
      }
    }
    long from = Math.min((long) page * size, matching.size());
    int to = (int) Math.min(from + size, matching.size());
    return new Page<>(matching.subList((int) from, to), page, size, matching.size());
  }
}

package io.fulcrum.engine.decision;

import java.util.Comparator;
import java.util.Objects;

/**
 * A warning a policy raised short of a margin call (e.g. "leverage above the desk limit"): it does
 * not change the status or any requirement, it tells a risk desk to look at the account.
 *
 * @param name the flag's name as the rule raised it, e.g. {@code highEffectiveLeverage}
 * @param raisedBy the name of the rule that raised it (recorded by the engine, not the rule)
 * @param detail what the rule said about it, e.g. {@code effective leverage 27.3 > 20}
 */
public record Flag(String name, String raisedBy, String detail) {

  /** The order of {@link MarginDecision#flags()}: by name, then by the rule that raised it. */
  public static final Comparator<Flag> ORDER =
      Comparator.comparing(Flag::name).thenComparing(Flag::raisedBy);

  public Flag {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(raisedBy, "raisedBy");
    Objects.requireNonNull(detail, "detail");
  }
}

package io.fulcrum.engine.explain;

import java.util.List;

/**
 * A DRL rule firing: the facts it matched and the values it set. A flag the rule raised appears in
 * {@code set} as the field {@code "flag <name>"} with the flag's detail as its value.
 */
public record RuleFired(
    String subject, String rule, String group, List<String> matched, List<Assignment> set)
    implements ExplanationStep {

  /** A value a rule set on a fact. */
  public record Assignment(String target, String field, Object value) {}
}

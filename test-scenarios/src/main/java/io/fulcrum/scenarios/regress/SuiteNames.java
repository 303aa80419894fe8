package io.fulcrum.scenarios.regress;

import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.NearestName;
import io.fulcrum.engine.policy.PolicyVocabulary;
import io.fulcrum.engine.yaml.YamlFormatException;
import io.fulcrum.scenarios.suite.Expectation;
import io.fulcrum.scenarios.suite.Expectation.NameRef;
import io.fulcrum.scenarios.suite.Suite;
import java.util.Collection;
import java.util.Optional;

/**
 * Checks the rule, metric, flag and parameter names of a suite's expectations against the names the
 * compiled policy defines ({@link CompiledPolicy#vocabulary()}), so that a misspelt name fails at
 * its line instead of passing forever ({@code rulesNotFired: ["Leverage caped ..."]} is never
 * fired). Only expectations that apply to the policy's version are checked: a name may exist in one
 * version only.
 */
public final class SuiteNames {

  private SuiteNames() {}

  /**
   * @throws YamlFormatException at the first unknown name, naming the policy and the closest known
   *     name
   */
  public static void check(Suite suite, CompiledPolicy policy) {
    PolicyVocabulary vocabulary = policy.vocabulary();
    String version = policy.stamp().version();
    for (Expectation e : suite.expectations()) {
      if (!e.appliesTo(version)) {
        continue;
      }
      for (NameRef ref : e.names()) {
        if (!known(vocabulary, ref)) {
          throw new YamlFormatException(
              suite.source(), ref.line(), ref.path() + ": " + unknown(vocabulary, ref, policy));
        }
      }
    }
  }

  private static boolean known(PolicyVocabulary v, NameRef ref) {
    return switch (ref.kind()) {
      case RULE -> v.ruleNames().contains(ref.name());
      case METRIC -> v.hasMetric(ref.name());
      case FLAG -> v.flags().contains(ref.name());
      case PARAMETER -> v.parameters().contains(ref.name());
    };
  }

  private static String unknown(PolicyVocabulary v, NameRef ref, CompiledPolicy policy) {
    Collection<String> names =
        switch (ref.kind()) {
          case RULE -> v.ruleNames();
          case METRIC -> v.metrics();
          case FLAG -> v.flags();
          case PARAMETER -> v.parameters();
        };
    String message =
        "policy "
            + policy.stamp().ref()
            + " has no "
            + ref.kind().label()
            + " named '"
            + ref.name()
            + "'";
    Optional<String> closest = closest(ref.name(), names);
    if (closest.isPresent()) {
      return message + "; did you mean '" + closest.get() + "'?";
    }
    return message
        + (names.isEmpty()
            ? "; it defines no " + ref.kind().label() + "s"
            : "; its " + ref.kind().label() + "s: " + names);
  }

  /** The known name nearest by edit distance, if within a third of the name's length. */
  static Optional<String> closest(String name, Collection<String> names) {
    return NearestName.within(name, names, Math.max(2, name.length() / 3), true);
  }
}

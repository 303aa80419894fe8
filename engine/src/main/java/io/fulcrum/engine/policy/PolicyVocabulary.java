package io.fulcrum.engine.policy;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The names a compiled policy defines, found at compile time in its manifest, decision tables and
 * rule code: what a suite expectation, a report or a tool may refer to.
 *
 * <p>A metric written under a computed name ({@code setAmount("maxCollateralSeized." +
 * $c.getAsset(), ...)}) is listed as its literal prefix followed by {@code *} ({@code
 * maxCollateralSeized.*}); {@link #hasMetric} matches such a family.
 *
 * @param parameters manifest parameters and the outputs of the policy's DMN decisions (what rules
 *     read with {@code number("...")}, {@code text("...")} or {@code hasParameter("...")})
 * @param metrics account metrics the rules set ({@code setRatio}, {@code setAmount})
 * @param components portfolio requirement components the rules set ({@code setComponent})
 * @param flags flags the rules raise ({@code raiseFlag("name", ...)} with a literal name)
 * @param ruleNames the names of every rule, spreadsheet rows included
 */
public record PolicyVocabulary(
    SortedSet<String> parameters,
    SortedSet<String> metrics,
    SortedSet<String> components,
    SortedSet<String> flags,
    SortedSet<String> ruleNames) {

  /** A vocabulary with no names. */
  public static final PolicyVocabulary EMPTY =
      new PolicyVocabulary(
          new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>());

  public PolicyVocabulary {
    parameters = copy(parameters);
    metrics = copy(metrics);
    components = copy(components);
    flags = copy(flags);
    ruleNames = copy(ruleNames);
  }

  private static SortedSet<String> copy(Collection<String> names) {
    return Collections.unmodifiableSortedSet(
        new TreeSet<>(names == null ? java.util.Set.of() : names));
  }

  /** Whether a rule sets metric {@code name}, directly or as a member of a computed family. */
  public boolean hasMetric(String name) {
    return matches(metrics, name);
  }

  /** Whether a rule sets component {@code name}, directly or as a member of a computed family. */
  public boolean hasComponent(String name) {
    return matches(components, name);
  }

  static boolean matches(Collection<String> names, String name) {
    if (names.contains(name)) {
      return true;
    }
    for (String n : names) {
      if (n.endsWith("*") && name.startsWith(n.substring(0, n.length() - 1))) {
        return true;
      }
    }
    return false;
  }
}

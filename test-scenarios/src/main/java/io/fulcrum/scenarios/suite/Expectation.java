package io.fulcrum.scenarios.suite;

import io.fulcrum.engine.decision.DecisionStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one account must come out as in one or more market states.
 *
 * @param line where the expectation is written, for messages
 * @param versions policy versions it applies to; empty means every version the suite runs
 * @param figures account figures by decision field name (initialMargin, maintenanceMargin,
 *     marginBalance, marginRatio, walletBalance, unrealisedPnl)
 * @param metrics policy metrics by name (e.g. healthFactor)
 * @param positions per-instrument checks
 * @param rulesFired rule names that must appear in the explanation
 * @param rulesNotFired rule names that must not appear
 * @param flags flag names the decision must raise
 * @param flagsAbsent flag names the decision must not raise
 * @param names every rule, metric, flag and parameter name the expectation refers to, with its
 *     line, to check against the compiled policy's vocabulary
 */
public record Expectation(
    int line,
    String account,
    List<String> markets,
    Set<String> versions,
    Optional<DecisionStatus> status,
    SortedMap<String, NumberCheck> figures,
    SortedMap<String, NumberCheck> metrics,
    SortedMap<String, PositionCheck> positions,
    List<String> rulesFired,
    List<String> rulesNotFired,
    List<String> flags,
    List<String> flagsAbsent,
    List<NameRef> names) {

  public static final Set<String> ACCOUNT_FIGURES =
      Set.of(
          "initialMargin",
          "maintenanceMargin",
          "marginBalance",
          "marginRatio",
          "walletBalance",
          "unrealisedPnl");

  public Expectation {
    markets = List.copyOf(markets);
    versions = Set.copyOf(versions);
    figures = copy(figures);
    metrics = copy(metrics);
    positions = copy(positions);
    rulesFired = List.copyOf(rulesFired);
    rulesNotFired = List.copyOf(rulesNotFired);
    flags = List.copyOf(flags);
    flagsAbsent = List.copyOf(flagsAbsent);
    names = List.copyOf(names);
  }

  /**
   * A name an expectation refers to, where it is written.
   *
   * @param path the field path for messages, e.g. {@code expectations[3].rulesNotFired[0]}
   */
  public record NameRef(NameKind kind, String name, int line, String path) {}

  /** What a name in an expectation names. */
  public enum NameKind {
    RULE("rule"),
    METRIC("metric"),
    FLAG("flag"),
    PARAMETER("parameter");

    private final String label;

    NameKind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public boolean appliesTo(String version) {
    return versions.isEmpty() || versions.contains(version);
  }

  /** True when checking needs the decision's explanation. */
  public boolean needsExplanation() {
    return !rulesFired.isEmpty() || !rulesNotFired.isEmpty();
  }

  private static <V> SortedMap<String, V> copy(Map<String, V> map) {
    return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }

  /**
   * Checks on one position.
   *
   * @param figures by field name (initialMargin, maintenanceMargin, liquidationPrice,
   *     bankruptcyPrice, notional, unrealisedPnl)
   * @param parameters decision-table parameters chosen for the position (e.g. bracket)
   */
  public record PositionCheck(
      SortedMap<String, NumberCheck> figures, SortedMap<String, NumberCheck> parameters) {

    public static final Set<String> FIGURES =
        Set.of(
            "initialMargin",
            "maintenanceMargin",
            "liquidationPrice",
            "bankruptcyPrice",
            "notional",
            "unrealisedPnl");

    public PositionCheck {
      figures = copy(figures);
      parameters = copy(parameters);
    }
  }
}

package io.fulcrum.scenarios.suite;

import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.domain.Account;
import io.fulcrum.engine.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Reads one entry of a suite's {@code expectations} list and checks its references. */
final class ExpectationReader {

  private static final Set<String> FIELDS =
      union(
          Expectation.ACCOUNT_FIGURES,
          Set.of(
              "account",
              "market",
              "versions",
              "status",
              "metrics",
              "positions",
              "rulesFired",
              "rulesNotFired",
              "flags",
              "flagsAbsent",
              "note"));
  private static final Set<String> POSITION =
      union(Expectation.PositionCheck.FIGURES, Set.of("parameters"));
  private static final Set<String> NUMBER = Set.of("value", "tolerance", "relativeTolerance");

  private ExpectationReader() {}

  static Expectation read(
      YamlNode node, List<Account> accounts, List<MarketState> states, List<String> versions) {
    node.allowOnly(FIELDS);
    YamlNode accountNode = node.get("account");
    String account = accountNode.text();
    if (accounts.stream().noneMatch(a -> a.id().equals(account))) {
      throw accountNode.error("no account '" + account + "' in the suite's accounts");
    }
    List<String> markets =
        node.get("market").listOrOne().stream().map(m -> market(m, states)).toList();
    Set<String> only = new HashSet<>();
    node.find("versions")
        .ifPresent(
            v ->
                v.listOrOne()
                    .forEach(
                        item -> {
                          if (!versions.isEmpty() && !versions.contains(item.text())) {
                            throw item.error(
                                "version '"
                                    + item.text()
                                    + "' is not one of the suite's versions "
                                    + versions);
                          }
                          only.add(item.text());
                        }));
    Map<String, NumberCheck> figures = new TreeMap<>();
    for (String figure : Expectation.ACCOUNT_FIGURES) {
      node.find(figure).ifPresent(n -> figures.put(figure, number(n)));
    }
    List<Expectation.NameRef> names = new ArrayList<>();
    Map<String, NumberCheck> metrics = numbers(node.find("metrics"));
    node.find("metrics").ifPresent(m -> refer(names, Expectation.NameKind.METRIC, m));
    Map<String, Expectation.PositionCheck> positions = new TreeMap<>();
    node.find("positions")
        .ifPresent(
            p ->
                p.entries()
                    .forEach(
                        (instrument, check) -> {
                          check.allowOnly(POSITION);
                          Map<String, NumberCheck> positionFigures = new TreeMap<>();
                          for (String figure : Expectation.PositionCheck.FIGURES) {
                            check
                                .find(figure)
                                .ifPresent(n -> positionFigures.put(figure, number(n)));
                          }
                          check
                              .find("parameters")
                              .ifPresent(p2 -> refer(names, Expectation.NameKind.PARAMETER, p2));
                          positions.put(
                              instrument,
                              new Expectation.PositionCheck(
                                  new TreeMap<>(positionFigures),
                                  new TreeMap<>(numbers(check.find("parameters")))));
                        }));
    return new Expectation(
        node.line(),
        account,
        markets,
        only,
        node.find("status").map(ExpectationReader::status),
        new TreeMap<>(figures),
        new TreeMap<>(metrics),
        new TreeMap<>(positions),
        texts(node.find("rulesFired"), names, Expectation.NameKind.RULE),
        texts(node.find("rulesNotFired"), names, Expectation.NameKind.RULE),
        texts(node.find("flags"), names, Expectation.NameKind.FLAG),
        texts(node.find("flagsAbsent"), names, Expectation.NameKind.FLAG),
        names);
  }

  /** Records the keys of mapping {@code node} (metric or parameter names) with their lines. */
  private static void refer(
      List<Expectation.NameRef> names, Expectation.NameKind kind, YamlNode node) {
    node.entries()
        .forEach(
            (name, value) ->
                names.add(new Expectation.NameRef(kind, name, value.line(), value.path())));
  }

  private static String market(YamlNode node, List<MarketState> states) {
    String name = node.text();
    if (states.stream().noneMatch(s -> s.name().equals(name))) {
      throw node.error(
          "no market state '"
              + name
              + "'; the suite has "
              + states.stream().map(MarketState::name).toList());
    }
    return name;
  }

  private static DecisionStatus status(YamlNode node) {
    try {
      return DecisionStatus.valueOf(node.text().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw node.error(
          "status must be one of "
              + Arrays.toString(DecisionStatus.values())
              + " but was '"
              + node.text()
              + "'");
    }
  }

  /**
   * {@code 1340}, {@code none}, or {@code {value: 1340, tolerance: 0.01, relativeTolerance:
   * 0.001}}.
   */
  static NumberCheck number(YamlNode node) {
    if (node.isNull() || (!node.isMap() && node.text().equalsIgnoreCase("none"))) {
      return NumberCheck.exactly(null);
    }
    if (!node.isMap()) {
      return NumberCheck.exactly(node.decimal());
    }
    node.allowOnly(NUMBER);
    YamlNode value = node.get("value");
    try {
      return new NumberCheck(
          value.isNull() || (!value.isMap() && value.text().equalsIgnoreCase("none"))
              ? null
              : value.decimal(),
          node.find("tolerance").map(YamlNode::decimal).orElse(null),
          node.find("relativeTolerance").map(YamlNode::decimal).orElse(null));
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }

  private static Map<String, NumberCheck> numbers(Optional<YamlNode> node) {
    Map<String, NumberCheck> checks = new LinkedHashMap<>();
    node.ifPresent(n -> n.entries().forEach((name, value) -> checks.put(name, number(value))));
    return checks;
  }

  private static List<String> texts(
      Optional<YamlNode> node, List<Expectation.NameRef> names, Expectation.NameKind kind) {
    List<String> out = new ArrayList<>();
    node.ifPresent(
        n ->
            n.listOrOne()
                .forEach(
                    item -> {
                      out.add(item.text());
                      names.add(
                          new Expectation.NameRef(kind, item.text(), item.line(), item.path()));
                    }));
    return out;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}

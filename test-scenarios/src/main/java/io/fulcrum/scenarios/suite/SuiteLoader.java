package io.fulcrum.scenarios.suite;

import io.fulcrum.engine.domain.Account;
import io.fulcrum.engine.domain.MarketSnapshot;
import io.fulcrum.engine.domain.Position;
import io.fulcrum.engine.yaml.YamlDocument;
import io.fulcrum.engine.yaml.YamlFormatException;
import io.fulcrum.engine.yaml.YamlNode;
import io.fulcrum.scenarios.generate.GeneratorSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a suite file (YAML or JSON) into a {@link Suite}. Every problem is a {@link
 * YamlFormatException} with file, line and a message naming the field. This loader is the one
 * definition of the format: the field sets below (and those of {@link ExpectationReader}, {@link
 * GeneratorReader} and {@link AccountReader}) are what a suite may contain.
 */
public final class SuiteLoader {

  private static final Set<String> TOP =
      Set.of(
          "suite",
          "description",
          "policy",
          "versions",
          "market",
          "marketStates",
          "accounts",
          "generate",
          "expectations");
  private static final Set<String> STATE =
      Set.of("name", "description", "shock", "scenario", "note");
  private static final Set<String> SHOCK =
      Set.of("priceMoves", "assetPrices", "volatilityMoves", "history");
  private static final Set<String> ACCOUNT =
      Set.of("id", "positions", "collateral", "debts", "note");

  private final ScenarioResolver scenarios;

  public SuiteLoader(ScenarioResolver scenarios) {
    this.scenarios = scenarios;
  }

  public Suite load(Path file) {
    YamlNode root = YamlDocument.read(file).root().allowOnly(TOP);
    String name = root.get("suite").text();
    String description = root.find("description").map(YamlNode::text).orElse("");
    Optional<String> policy = root.find("policy").map(YamlNode::text);
    List<String> versions =
        root.find("versions")
            .map(v -> v.listOrOne().stream().map(YamlNode::text).toList())
            .orElse(List.of());
    MarketSnapshot market = root.get("market").as(MarketSnapshot.class);
    List<MarketState> states = marketStates(root.find("marketStates"));
    List<Account> accounts = accounts(root.find("accounts"), market);
    Optional<GeneratorSpec> generator = root.find("generate").map(GeneratorReader::read);
    if (accounts.isEmpty() && generator.isEmpty()) {
      throw root.error("the suite has no accounts: give 'accounts', 'generate' or both");
    }
    List<Expectation> expectations = new ArrayList<>();
    for (YamlNode e : root.find("expectations").map(YamlNode::list).orElse(List.of())) {
      expectations.add(ExpectationReader.read(e, accounts, states, versions));
    }
    return new Suite(
        file,
        name,
        description,
        policy,
        versions,
        market,
        states,
        accounts,
        generator,
        expectations);
  }

  private List<MarketState> marketStates(Optional<YamlNode> node) {
    if (node.isEmpty()) {
      return List.of(new MarketState("base", "the base market", Shock.NONE, ""));
    }
    Map<String, MarketState> states = new LinkedHashMap<>();
    for (YamlNode s : node.get().list()) {
      s.allowOnly(STATE);
      String name = s.get("name").text();
      String description = s.find("description").map(YamlNode::text).orElse("");
      MarketState state;
      if (s.find("scenario").isPresent()) {
        if (s.find("shock").isPresent()) {
          throw s.error("give either 'shock' or 'scenario', not both");
        }
        YamlNode ref = s.get("scenario");
        MarketState found =
            scenarios
                .find(ref.text())
                .orElseThrow(
                    () ->
                        ref.error(
                            "no stress scenario named '" + ref.text() + "' in the stress library"));
        state =
            new MarketState(
                name,
                description.isEmpty() ? found.description() : description,
                found.shock(),
                ref.text());
      } else {
        state =
            new MarketState(
                name, description, s.find("shock").map(SuiteLoader::shock).orElse(Shock.NONE), "");
      }
      if (states.put(name, state) != null) {
        throw s.get("name").error("market state '" + name + "' is defined twice");
      }
    }
    return List.copyOf(states.values());
  }

  /** Reads a shock mapping (also used by stress scenario files). */
  public static Shock shock(YamlNode node) {
    node.allowOnly(SHOCK);
    try {
      return new Shock(
          decimals(node.find("priceMoves")),
          decimals(node.find("assetPrices")),
          decimals(node.find("volatilityMoves")),
          node.find("history").map(YamlNode::text));
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }

  static java.util.SortedMap<String, java.math.BigDecimal> decimals(Optional<YamlNode> node) {
    java.util.SortedMap<String, java.math.BigDecimal> values = new java.util.TreeMap<>();
    node.ifPresent(n -> n.entries().forEach((key, value) -> values.put(key, value.decimal())));
    return values;
  }

  private static List<Account> accounts(Optional<YamlNode> node, MarketSnapshot market) {
    List<Account> accounts = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (YamlNode a : node.map(YamlNode::list).orElse(List.of())) {
      a.allowOnly(ACCOUNT);
      Account account = AccountReader.read(a);
      if (!ids.add(account.id())) {
        throw a.get("id").error("account id '" + account.id() + "' is used twice");
      }
      for (int i = 0; i < account.positions().size(); i++) {
        Position p = account.positions().get(i);
        if (market.findInstrument(p.instrument()).isEmpty()
            || market.findPrice(p.instrument()).isEmpty()) {
          throw a.get("positions")
              .list()
              .get(i)
              .get("instrument")
              .error(
                  "instrument '"
                      + p.instrument()
                      + "' is not defined and priced in the suite's market (market.instruments, market.prices)");
        }
      }
      accounts.add(account);
    }
    return accounts;
  }
}

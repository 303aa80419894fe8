package io.fulcrum.scenarios.suite;

import java.util.Optional;

/** Looks up a named stress scenario for a market state that says {@code scenario: <name>}. */
@FunctionalInterface
public interface ScenarioResolver {

  ScenarioResolver NONE = name -> Optional.empty();

  /** The scenario's shock and one-line title, or empty if there is no such scenario. */
  Optional<MarketState> find(String name);
}

package io.fulcrum.scenarios.suite;

import java.util.Objects;

/**
 * A named market state of a suite: the base snapshot after a shock ({@link Shock#NONE} for the base
 * itself).
 *
 * @param scenario the stress-library scenario the shock was taken from, or empty
 */
public record MarketState(String name, String description, Shock shock, String scenario) {

  public MarketState {
    Objects.requireNonNull(name, "name is required");
    description = description == null ? "" : description;
    shock = shock == null ? Shock.NONE : shock;
    scenario = scenario == null ? "" : scenario;
  }
}

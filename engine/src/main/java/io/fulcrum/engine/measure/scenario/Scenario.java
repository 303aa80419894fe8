package io.fulcrum.engine.measure.scenario;

/**
 * One point of a scenario grid for one underlying: F' = F (1 + priceMove), sigma' = sigma (1 +
 * volShock) for every option on it.
 */
public record Scenario(double priceMove, double volShock) {

  public static final Scenario UNCHANGED = new Scenario(0.0, 0.0);

  public Scenario {
    if (!(priceMove > -1.0) || !Double.isFinite(priceMove)) {
      throw new IllegalArgumentException("priceMove must be > -1 but was " + priceMove);
    }
    if (!(volShock > -1.0) || !Double.isFinite(volShock)) {
      throw new IllegalArgumentException("volShock must be > -1 but was " + volShock);
    }
  }
}

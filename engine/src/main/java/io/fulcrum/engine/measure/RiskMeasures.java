package io.fulcrum.engine.measure;

import java.util.Collections;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.TreeMap;

/** The measures found on the classpath through {@link ServiceLoader}, by name. Immutable. */
public final class RiskMeasures {

  private final SortedMap<String, RiskMeasure> byName;

  private RiskMeasures(SortedMap<String, RiskMeasure> byName) {
    this.byName = Collections.unmodifiableSortedMap(byName);
  }

  /** Loads every {@link RiskMeasure} visible to this class's loader. */
  public static RiskMeasures load() {
    return load(RiskMeasures.class.getClassLoader());
  }

  public static RiskMeasures load(ClassLoader loader) {
    TreeMap<String, RiskMeasure> found = new TreeMap<>();
    for (RiskMeasure measure : ServiceLoader.load(RiskMeasure.class, loader)) {
      RiskMeasure clash = found.put(measure.name(), measure);
      if (clash != null && clash.getClass() != measure.getClass()) {
        throw new IllegalStateException(
            "two risk measures are named '"
                + measure.name()
                + "': "
                + clash.getClass().getName()
                + " and "
                + measure.getClass().getName());
      }
    }
    return new RiskMeasures(found);
  }

  public Optional<RiskMeasure> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The measure named {@code name}; an {@link IllegalArgumentException} listing known names if
   * none.
   */
  public RiskMeasure get(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown risk measure '" + name + "'; known: " + byName.keySet()));
  }

  public SortedMap<String, RiskMeasure> all() {
    return byName;
  }
}

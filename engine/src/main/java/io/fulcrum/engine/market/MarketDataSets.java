package io.fulcrum.engine.market;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where the engine finds named market data sets by reference {@code name@version}. An
 * implementation must return the same content for the same reference every time (versions are
 * immutable), so decisions that name a data set replay exactly; the decision records the content
 * hash as well, so a changed data set is detected. Implementations are thread-safe.
 */
public interface MarketDataSets {

  /** The data set {@code ref} ({@code name@version}), if known. */
  Optional<MarketDataSet> find(String ref);

  /** No data sets: every reference is unknown. */
  static MarketDataSets none() {
    return ref -> Optional.empty();
  }

  /** A fixed, in-memory collection, keyed by {@link MarketDataSet#ref()}. */
  static MarketDataSets of(Collection<MarketDataSet> sets) {
    Map<String, MarketDataSet> byRef = new TreeMap<>();
    for (MarketDataSet s : sets) {
      if (byRef.put(s.ref(), s) != null) {
        throw new IllegalArgumentException("market data set " + s.ref() + " is listed twice");
      }
    }
    return ref -> Optional.ofNullable(byRef.get(ref));
  }
}

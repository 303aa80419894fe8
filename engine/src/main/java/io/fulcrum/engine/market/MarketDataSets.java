package io.fulcrum.engine.market;

import io.fulcrum.engine.domain.InvalidRequest;
import java.util.Collection;
import java.util.List;
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

  /**
   * The references ({@code name@version}) this resolver knows now, sorted, for messages that say
   * what exists; empty when it cannot list them.
   */
  default List<String> known() {
    return List.of();
  }

  /**
   * This resolver for requests: an unknown reference is an {@link InvalidRequest} on {@code
   * market.history.dataSet} that lists the known sets, instead of an empty result.
   */
  default MarketDataSets forRequests() {
    MarketDataSets sets = this;
    return new MarketDataSets() {
      @Override
      public Optional<MarketDataSet> find(String ref) {
        if (!ref.contains("@")) {
          throw new InvalidRequest(
              "market.history.dataSet",
              "'"
                  + ref
                  + "' names no version; write name@version so the decision pins the exact"
                  + " prices; known sets (name@version): "
                  + sets.known());
        }
        Optional<MarketDataSet> found = sets.find(ref);
        if (found.isEmpty()) {
          List<String> known = sets.known();
          throw new InvalidRequest(
              "market.history.dataSet",
              "unknown market data set '"
                  + ref
                  + "'; "
                  + (known.isEmpty()
                      ? "no market data sets are configured (set "
                          + MarketDataLocation.PROPERTY
                          + " or "
                          + MarketDataLocation.ENVIRONMENT
                          + " to a directory of price CSVs)"
                      : "known sets (name@version): " + known));
        }
        return found;
      }

      @Override
      public List<String> known() {
        return sets.known();
      }

      @Override
      public MarketDataSets forRequests() {
        return this;
      }
    };
  }

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
    List<String> known = List.copyOf(byRef.keySet());
    return new MarketDataSets() {
      @Override
      public Optional<MarketDataSet> find(String ref) {
        return Optional.ofNullable(byRef.get(ref));
      }

      @Override
      public List<String> known() {
        return known;
      }
    };
  }
}

package io.fulcrum.engine.measure.portfolio;

import io.fulcrum.engine.measure.support.Ewma;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Filtered (volatility-rescaled) return series that depend only on market data, kept across
 * evaluations: the EWMA variance recursion and the rescaling r_t sigma_n / sigma_t are computed
 * once per (content key of the returns, lambda, window) and reused by every later decision on the
 * same data. The content key is the market data's SHA-256 with the asset and date range (see {@link
 * io.fulcrum.engine.measure.HistoricalPortfolio.UnderlyingReturns#contentKey()}), so a new data-set
 * version or other inline data gets a new entry and never a stale one; results are bit for bit
 * those of an uncached computation. Least-recently-used entries beyond {@value #CAPACITY} are
 * dropped. Thread-safe (one lock; the computation of a missing entry runs outside it, so two
 * threads may both compute it once).
 */
final class FilteredReturnsCache {

  static final int CAPACITY = 512;

  /** A rescaled series and the latest EWMA volatility sigma_n. Arrays are never modified. */
  record Filtered(double[] rescaled, double latestVolatility) {
    static Filtered of(double[] returns, double lambda) {
      double[] sigma = Ewma.volatilities(returns, lambda);
      return new Filtered(Ewma.rescaleToLatest(returns, lambda), sigma[sigma.length - 1]);
    }
  }

  private static final Map<String, Filtered> CACHE =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Filtered> eldest) {
          return size() > CAPACITY;
        }
      };

  private static long hits;
  private static long misses;

  private FilteredReturnsCache() {}

  /**
   * The cached value for {@code key}, computing it with {@code compute} when absent; no caching
   * when key is null.
   */
  static Filtered get(String key, Supplier<Filtered> compute) {
    if (key == null) {
      return compute.get();
    }
    synchronized (CACHE) {
      Filtered cached = CACHE.get(key);
      if (cached != null) {
        hits++;
        return cached;
      }
      misses++;
    }
    Filtered computed = compute.get();
    synchronized (CACHE) {
      CACHE.putIfAbsent(key, computed);
    }
    return computed;
  }

  /** Hits and misses so far, for tests and benchmarks: {@code [hits, misses]}. */
  static long[] statistics() {
    synchronized (CACHE) {
      return new long[] {hits, misses};
    }
  }
}

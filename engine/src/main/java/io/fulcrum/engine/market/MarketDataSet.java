package io.fulcrum.engine.market;

import io.fulcrum.engine.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A named, versioned set of price histories with a content hash, so every report and decision that
 * used it can say exactly which data it used.
 *
 * <p>Content hash: SHA-256 over, for each asset in name order, the lines {@code asset} then {@code
 * yyyy-mm-dd,close} per day with the close in Java's shortest round-trip decimal form ({@link
 * Double#toString}), LF-terminated. Name, version and notes are not hashed.
 *
 * @param notes what the loader reported about the source (missing days, bad rows and what was done
 *     with them, the column used)
 */
public record MarketDataSet(
    String name, String version, SortedMap<String, PriceHistory> histories, List<String> notes) {

  public MarketDataSet {
    histories = Collections.unmodifiableSortedMap(new TreeMap<>(histories));
    notes = List.copyOf(notes);
  }

  public static MarketDataSet of(String name, String version, Map<String, PriceHistory> histories) {
    return new MarketDataSet(name, version, new TreeMap<>(histories), List.of());
  }

  public PriceHistory history(String asset) {
    PriceHistory h = histories.get(asset);
    if (h == null) {
      throw new IllegalArgumentException(
          "market data set "
              + ref()
              + " has no history for '"
              + asset
              + "'; it has "
              + histories.keySet());
    }
    return h;
  }

  public String ref() {
    return name + "@" + version;
  }

  public String hash() {
    MessageDigest md = Sha256.digest();
    // One buffer per asset rather than a String per line: the same bytes (StringBuilder's
    // append(double) writes Double.toString's digits), without a per-line allocation; this runs
    // once per decision in a policy-driven backtest.
    StringBuilder text = new StringBuilder();
    for (PriceHistory h : histories.values()) {
      text.setLength(0);
      text.append(h.asset()).append('\n');
      for (int i = 0; i < h.size(); i++) {
        text.append(h.dates().get(i)).append(',').append(h.close(i)).append('\n');
      }
      md.update(text.toString().getBytes(StandardCharsets.UTF_8));
    }
    return Sha256.hex(md);
  }
}

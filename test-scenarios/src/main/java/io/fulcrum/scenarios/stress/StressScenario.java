package io.fulcrum.scenarios.stress;

import io.fulcrum.scenarios.suite.MarketState;
import io.fulcrum.scenarios.suite.Shock;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A named stress scenario: market moves written down as facts, each with its source.
 *
 * @param kind HISTORICAL (moves observed in data, sources cite file and dates or a public page) or
 *     HYPOTHETICAL (chosen, not observed; the notes say why)
 * @param period the dates the moves span, e.g. {@code 2020-03-11 close -> 2020-03-12 close}
 * @param sources per moved asset, where the number comes from
 */
public record StressScenario(
    String name,
    String title,
    Kind kind,
    String period,
    Shock shock,
    SortedMap<String, String> sources,
    String notes,
    Path file) {

  public enum Kind {
    HISTORICAL,
    HYPOTHETICAL
  }

  public StressScenario {
    sources =
        java.util.Collections.unmodifiableSortedMap(
            new TreeMap<>(sources == null ? Map.of() : sources));
    notes = notes == null ? "" : notes;
  }

  public MarketState asMarketState() {
    return new MarketState(name, title, shock, name);
  }
}

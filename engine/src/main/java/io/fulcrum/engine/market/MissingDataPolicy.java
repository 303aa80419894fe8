package io.fulcrum.engine.market;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a loader does with a day that has no usable price (a {@code null} or unparseable close, or a
 * calendar day absent from the file). Whatever the choice, every such day is listed in the data
 * set's notes.
 */
public enum MissingDataPolicy {
  /** Leave the day out: the next return spans two calendar days. */
  SKIP_DAY("skip-day"),
  /** Repeat the previous close: the day's return is 0 and the next one carries the move. */
  CARRY_FORWARD("carry-forward"),
  /** Refuse to load the file. */
  REFUSE("refuse");

  private final String label;

  MissingDataPolicy(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Parses {@code skip-day}, {@code carry-forward} or {@code refuse}, case-insensitively. */
  public static MissingDataPolicy parse(String text) {
    for (MissingDataPolicy p : values()) {
      if (p.label.equalsIgnoreCase(text.trim()) || p.name().equalsIgnoreCase(text.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "missing-data policy must be one of %s but was '%s'",
            Arrays.stream(values()).map(MissingDataPolicy::label).toList(),
            text));
  }
}

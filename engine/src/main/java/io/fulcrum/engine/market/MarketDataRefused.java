package io.fulcrum.engine.market;

import java.util.List;

/**
 * A price file was refused under {@link MissingDataPolicy#REFUSE}: it has rows without a usable
 * close or missing days. Carries the source and every problem found.
 */
public final class MarketDataRefused extends IllegalArgumentException {

  private final String source;
  private final List<String> problems;

  public MarketDataRefused(String source, List<String> problems) {
    super(
        "market data "
            + source
            + " refused (missing-data policy 'refuse'): "
            + String.join("; ", problems));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  public String source() {
    return source;
  }

  public List<String> problems() {
    return problems;
  }
}

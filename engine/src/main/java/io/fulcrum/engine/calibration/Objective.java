package io.fulcrum.engine.calibration;

import java.util.Arrays;

/** What the calibration minimises among candidates that pass. */
public enum Objective {
  /** The average margin over the backtest. */
  MIN_AVERAGE_MARGIN("min-average-margin"),
  /** The peak-to-trough ratio of the margin. */
  MIN_PROCYCLICALITY("min-procyclicality");

  private final String label;

  Objective(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public double of(Candidate c) {
    return this == MIN_AVERAGE_MARGIN ? c.averageMargin() : c.peakToTrough();
  }

  public static Objective parse(String text) {
    for (Objective o : values()) {
      if (o.label.equalsIgnoreCase(text.trim())) {
        return o;
      }
    }
    throw new IllegalArgumentException(
        "objective must be one of "
            + Arrays.stream(values()).map(Objective::label).toList()
            + " but was '"
            + text
            + "'");
  }
}

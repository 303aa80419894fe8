package io.fulcrum.engine.runtime;

import java.math.BigDecimal;

/** The result of a risk measure the manifest asked for, under the name the manifest gave it. */
public final class MeasureFact {

  private final String name;
  private final String measure;
  private final BigDecimal value;

  MeasureFact(String name, String measure, BigDecimal value) {
    this.name = name;
    this.measure = measure;
    this.value = value;
  }

  public String getName() {
    return name;
  }

  public String getMeasure() {
    return measure;
  }

  public BigDecimal getValue() {
    return value;
  }

  @Override
  public String toString() {
    return "measure " + name + " (" + measure + ") = " + value.toPlainString();
  }
}

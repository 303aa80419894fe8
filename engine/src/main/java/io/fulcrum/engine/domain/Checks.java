package io.fulcrum.engine.domain;

import java.math.BigDecimal;

/** Validation helpers for compact constructors; messages name the field, rule and value. */
public final class Checks {

  /** Larger than any real position or price, smaller than what breaks downstream arithmetic. */
  public static final BigDecimal ABSURD = new BigDecimal("1e15");

  private Checks() {}

  public static String text(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value.trim();
  }

  public static BigDecimal required(String field, BigDecimal value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    if (value.abs().compareTo(ABSURD) > 0) {
      throw new IllegalArgumentException(
          field
              + " must be at most "
              + ABSURD.toPlainString()
              + " in size but was "
              + value.toPlainString());
    }
    return value;
  }

  public static BigDecimal positive(String field, BigDecimal value) {
    required(field, value);
    if (value.signum() <= 0) {
      throw new IllegalArgumentException(
          field + " must be positive but was " + value.toPlainString());
    }
    return value;
  }

  public static BigDecimal nonNegative(String field, BigDecimal value) {
    required(field, value);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(
          field + " must not be negative but was " + value.toPlainString());
    }
    return value;
  }
}

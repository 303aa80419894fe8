package io.fulcrum.engine.measure.support;

import io.fulcrum.engine.measure.MeasureInput;
import io.fulcrum.engine.measure.MeasureParameters;
import java.util.Locale;

/**
 * Validation of measure parameters with one message template: {@code "<name> must be <rule> but was
 * <value>"}, formatted with {@link Locale#ROOT}. Stateless; thread-safe.
 */
public final class MeasureArguments {

  /** Name of the confidence-level parameter shared by every quantile-based measure. */
  public static final String ALPHA = "alpha";

  /** Confidence level used when {@value #ALPHA} is not given. */
  public static final double DEFAULT_ALPHA = 0.99;

  private MeasureArguments() {}

  /** The exception for a parameter or input that breaks a rule. */
  public static IllegalArgumentException invalid(String name, String rule, Object value) {
    return new IllegalArgumentException(
        String.format(Locale.ROOT, "%s must be %s but was %s", name, rule, value));
  }

  /** The confidence level alpha, in the open interval (0,1); {@value #DEFAULT_ALPHA} if absent. */
  public static double alpha(MeasureParameters parameters) {
    return openUnitInterval(parameters, ALPHA, DEFAULT_ALPHA);
  }

  /** A number in the open interval (0,1). */
  public static double openUnitInterval(
      MeasureParameters parameters, String name, double defaultValue) {
    double value = parameters.number(name, defaultValue);
    if (!(value > 0.0 && value < 1.0)) {
      throw invalid(name, "in (0,1)", value);
    }
    return value;
  }

  /** A strictly positive finite number. */
  public static double positive(MeasureParameters parameters, String name, double defaultValue) {
    double value = parameters.number(name, defaultValue);
    if (!(value > 0.0)) {
      throw invalid(name, "> 0", value);
    }
    return value;
  }

  /** A strictly positive integer. */
  public static int positiveInteger(MeasureParameters parameters, String name, int defaultValue) {
    int value = parameters.integer(name, defaultValue);
    if (value < 1) {
      throw invalid(name, ">= 1", value);
    }
    return value;
  }

  /**
   * {@code input} as the one kind the measure accepts, or an exception naming the measure, the kind
   * it wants and what it got.
   */
  public static <T extends MeasureInput> T requireKind(
      String measure, MeasureInput input, Class<T> kind, String description) {
    if (kind.isInstance(input)) {
      return kind.cast(input);
    }
    throw unsupportedInput(measure, description, input);
  }

  /** The exception for an input kind a measure does not accept. */
  public static IllegalArgumentException unsupportedInput(
      String measure, String description, MeasureInput input) {
    return invalid(
        "input of measure '" + measure + "'",
        description,
        input == null ? "null" : input.summary());
  }

  /** Rejects a series with fewer than {@code minimum} observations. */
  public static void requireObservations(String name, int size, int minimum) {
    if (size < minimum) {
      throw invalid(name, "at least " + minimum + " observations", size);
    }
  }
}

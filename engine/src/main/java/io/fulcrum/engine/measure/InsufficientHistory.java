package io.fulcrum.engine.measure;

/**
 * The input's data, not a parameter, is too short for the measure (e.g. fewer returns than the
 * minimum the measure or policy asks for). The engine reports it as a problem of the request's
 * market data rather than of the policy.
 */
public class InsufficientHistory extends IllegalArgumentException {

  public InsufficientHistory(String message) {
    super(message);
  }
}

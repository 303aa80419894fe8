package io.fulcrum.engine.runtime;

/**
 * A policy that compiled but failed while evaluating a request (a DMN type error, no table row
 * matching, a rule reading a parameter nobody set, no status decided). Names the policy and the
 * subject.
 */
public class PolicyEvaluationFailed extends RuntimeException {

  public PolicyEvaluationFailed(String message) {
    super(message);
  }

  public PolicyEvaluationFailed(String message, Throwable cause) {
    super(message, cause);
  }
}

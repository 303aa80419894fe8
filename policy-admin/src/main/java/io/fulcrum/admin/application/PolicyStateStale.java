package io.fulcrum.admin.application;

/**
 * A cluster member has not confirmed its policy state against the database recently enough to take
 * a live decision: another member may have activated a version that is effective by the decision's
 * instant. Answered 503 (retry); nothing is stored.
 */
public class PolicyStateStale extends RuntimeException {

  public PolicyStateStale(String message) {
    super(message);
  }
}

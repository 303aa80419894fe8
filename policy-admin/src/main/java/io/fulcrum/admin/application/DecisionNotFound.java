package io.fulcrum.admin.application;

/** No stored decision has this id. */
public class DecisionNotFound extends RuntimeException {

  private final String decisionId;

  public DecisionNotFound(String decisionId) {
    super("no decision with id '" + decisionId + "'");
    this.decisionId = decisionId;
  }

  public String decisionId() {
    return decisionId;
  }
}

package io.fulcrum.admin.application;

import io.fulcrum.engine.decision.DecisionStatus;

/**
 * The outcome for one request of a batch: stored (with the decision's id, status and hash) or
 * failed (with the offending field, or an error id for an internal failure). One failed request
 * never fails the others.
 */
@com.fasterxml.jackson.annotation.JsonInclude(
    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record BatchItem(
    int index,
    String accountId,
    boolean stored,
    String decisionId,
    DecisionStatus status,
    String decisionHash,
    String field,
    String error,
    String errorId) {

  static BatchItem stored(int index, StoredDecision d) {
    return new BatchItem(
        index, d.accountId(), true, d.id(), d.status(), d.decisionHash(), null, null, null);
  }

  static BatchItem failed(int index, String accountId, String field, String error, String errorId) {
    return new BatchItem(index, accountId, false, null, null, null, field, error, errorId);
  }
}

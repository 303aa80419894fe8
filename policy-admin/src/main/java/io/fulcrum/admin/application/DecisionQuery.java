package io.fulcrum.admin.application;

import io.fulcrum.engine.decision.DecisionStatus;
import java.time.Instant;

/**
 * Filters for listing decisions; null means "any". {@code from} is inclusive and {@code to}
 * exclusive, on the time the decision was taken. Pages are numbered from 0.
 */
public record DecisionQuery(
    String accountId,
    String policyId,
    String policyVersion,
    DecisionStatus status,
    Instant from,
    Instant to,
    int page,
    int size) {

  public static final int MAX_PAGE_SIZE = 200;

  public DecisionQuery {
    if (page < 0) {
      throw new IllegalArgumentException("page must be >= 0 but was " + page);
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "size must be in [1, " + MAX_PAGE_SIZE + "] but was " + size);
    }
  }
}

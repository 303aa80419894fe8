package io.fulcrum.admin.application;

/** An idempotency key reused with a different request or policy than the one stored under it. */
public class IdempotencyConflict extends RuntimeException {

  private final String key;

  public IdempotencyConflict(String key, String storedDecisionId) {
    super(
        "idempotency key '"
            + key
            + "' was used for decision "
            + storedDecisionId
            + " with a different request or policy; use a new key for a new request");
    this.key = key;
  }

  public String key() {
    return key;
  }
}

package io.fulcrum.admin.application;

/**
 * Stored data disagrees with the audit chain: a row the chain does not cover, or one that no longer
 * matches what the chain sealed. The service refuses to use or serve it (and to append after a row
 * written above the chain head) until an operator has looked: {@code GET /audit/verify} reports it.
 */
public class ChainIntegrityFault extends RuntimeException {

  public ChainIntegrityFault(String problem) {
    super(
        problem
            + "; it was written outside the service and is not used (see /api/v1/audit/verify)");
  }
}

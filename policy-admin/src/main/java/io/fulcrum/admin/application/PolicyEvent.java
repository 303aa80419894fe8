package io.fulcrum.admin.application;

import java.time.Instant;

/**
 * One audited lifecycle action. Sealed in the audit chain with kind {@code POLICY_<action>}.
 *
 * @param effectiveAt for ACTIVATE and ROLLBACK, when the version becomes the active one
 * @param detail action-specific JSON (validation summary, shadow tolerance), may be null
 */
public record PolicyEvent(
    String id,
    long sequence,
    Action action,
    String policyId,
    String version,
    String bundleHash,
    String actor,
    Instant at,
    Instant effectiveAt,
    String reason,
    String detail) {

  /** Lifecycle actions; each is its own audit record kind. */
  public enum Action {
    IMPORT,
    UPLOAD,
    VALIDATE,
    APPROVE,
    REJECT,
    ACTIVATE,
    ROLLBACK,
    SHADOW_ON,
    SHADOW_OFF,
    /** A monitoring alert (breach or traffic-light zone change) on this version (issue #19). */
    ALERT;

    public String chainKind() {
      return ChainLink.POLICY_PREFIX + name();
    }
  }

  public String ref() {
    return policyId + "@" + version;
  }
}

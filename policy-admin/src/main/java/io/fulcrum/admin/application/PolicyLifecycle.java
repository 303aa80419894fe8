package io.fulcrum.admin.application;

import java.util.Objects;

/**
 * The lifecycle rules, free of storage: which action is allowed on a version in which state and by
 * whom. Content never changes after DRAFT: a DRAFT may be replaced by a new upload of the same
 * version, anything later needs a new version.
 */
public final class PolicyLifecycle {

  private PolicyLifecycle() {}

  /** State after an upload whose validation passed or failed. */
  public static PolicyState afterUpload(PolicyState current, boolean valid, String version) {
    if (current != null && current != PolicyState.DRAFT) {
      throw new LifecycleRefused(
          "version "
              + version
              + " is "
              + current
              + "; its content can no longer change: upload a new version");
    }
    return valid ? PolicyState.VALIDATED : PolicyState.DRAFT;
  }

  /** State after an approver's review; four eyes: the reviewer must not be the author. */
  public static PolicyState afterReview(PolicyVersion version, String reviewer, boolean approve) {
    Objects.requireNonNull(reviewer, "reviewer");
    if (reviewer.equals(version.author())) {
      throw new FourEyesViolation(version.ref(), reviewer);
    }
    if (version.storedState() != PolicyState.VALIDATED) {
      throw new LifecycleRefused(
          "version "
              + version.ref()
              + " is "
              + version.storedState()
              + "; only a VALIDATED version can be "
              + (approve ? "approved" : "rejected"));
    }
    return approve ? PolicyState.APPROVED : PolicyState.REJECTED;
  }

  /** Activation (or re-activation by rollback) needs an approved version. */
  public static void checkActivatable(PolicyVersion version) {
    if (version.storedState() != PolicyState.APPROVED) {
      throw new LifecycleRefused(
          "version "
              + version.ref()
              + " is "
              + version.storedState()
              + "; only an approved version can be activated or run in shadow");
    }
  }

  /** A comment or reason the caller must give. */
  public static String required(String text, String field) {
    if (text == null || text.isBlank()) {
      throw new InvalidParameter(field, field + " is required: say why");
    }
    if (text.length() > 2000) {
      throw new InvalidParameter(
          field, field + " must be at most 2000 characters but had " + text.length());
    }
    return text.strip();
  }
}

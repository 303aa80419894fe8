package io.fulcrum.admin.application;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a policy version is in its lifecycle. DRAFT, VALIDATED, APPROVED and REJECTED are stored
 * with the version (review); ACTIVE and RETIRED follow from the activation timeline at a given
 * instant (an approved version whose activation time has come is ACTIVE; one that was active and
 * has been replaced is RETIRED), so a scheduled activation needs no timer.
 */
public enum PolicyState {
  DRAFT,
  VALIDATED,
  APPROVED,
  ACTIVE,
  RETIRED,
  REJECTED;

  /** Review transitions a stored state allows. */
  public Set<PolicyState> next() {
    return switch (this) {
      case DRAFT -> EnumSet.of(DRAFT, VALIDATED);
      case VALIDATED -> EnumSet.of(APPROVED, REJECTED);
      case APPROVED, ACTIVE, RETIRED -> EnumSet.of(ACTIVE);
      case REJECTED -> EnumSet.noneOf(PolicyState.class);
    };
  }

  /** Whether decisions may be taken under a version in this state (pinned or active). */
  public boolean decidable() {
    return this == APPROVED || this == ACTIVE || this == RETIRED;
  }
}

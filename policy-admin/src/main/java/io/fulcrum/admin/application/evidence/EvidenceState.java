package io.fulcrum.admin.application.evidence;

/** Where an evidence job is. */
public enum EvidenceState {
  QUEUED,
  RUNNING,
  DONE,
  FAILED,
  CANCELLED;

  public boolean finished() {
    return this == DONE || this == FAILED || this == CANCELLED;
  }
}

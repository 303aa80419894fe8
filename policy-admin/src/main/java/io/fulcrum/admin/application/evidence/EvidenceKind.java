package io.fulcrum.admin.application.evidence;

/** What an evidence job computes. */
public enum EvidenceKind {
  /** The policy's scenario suites against the version (test-scenarios/suites). */
  REGRESSION,
  /** The version against the baseline over a scenario book and its market states. */
  IMPACT_BOOK,
  /** The version against the baseline over the last N stored decisions' requests. */
  IMPACT_DECISIONS,
  /** Backtest of the version and of the baseline side by side over a portfolio and data set. */
  COVERAGE
}

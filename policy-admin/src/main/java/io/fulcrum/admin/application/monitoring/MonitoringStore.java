package io.fulcrum.admin.application.monitoring;

import java.util.List;
import java.util.Optional;

/** Stored monitoring results and alerts. Methods join the caller's transaction. */
public interface MonitoringStore {

  /** One day's backtest of a policy version (see {@code V4__market_data.sql}). */
  record Result(
      String policyId,
      String policyVersion,
      String day,
      String dataSet,
      String dataSetVersion,
      String dataSetHash,
      double margin,
      double loss,
      double value,
      double grossExposure,
      double normalisedPnl,
      boolean breach,
      int windowDays,
      int windowBreaches,
      double confidence,
      String zone,
      double cumulativeProbability,
      double kupiecStatistic,
      double kupiecP,
      double independenceStatistic,
      double independenceP,
      double conditionalStatistic,
      double conditionalP,
      Double peakToTrough,
      double largestOneDayIncrease,
      double largestWindowIncrease,
      boolean backfill,
      String computedBy,
      String computedAt) {}

  /** A breach or zone change and what became of it. */
  record Alert(
      String id,
      String policyId,
      String policyVersion,
      String day,
      String kind,
      String fromZone,
      String toZone,
      String detail,
      String createdAt,
      String deliveredAt,
      int attempts,
      String lastError,
      String proposal,
      boolean proposalDone) {}

  /**
   * Write-locks the policy's monitoring lock row (creating it first if missing) until the
   * transaction ends: the one member holding it computes the policy's days.
   */
  void lock(String policyId, String member, String now);

  /** Creates the lock row if missing; in its own transaction (a concurrent create is fine). */
  void ensureLockRow(String policyId);

  /** The last {@code limit} results, oldest first. */
  List<Result> lastResults(String policyId, String version, int limit);

  /** Results in [from, to] (ISO days, null = open), oldest first. */
  List<Result> results(String policyId, String version, String from, String to);

  void insert(Result result);

  void insert(Alert alert);

  List<Alert> alerts(String policyId);

  /** Ids of alerts not yet delivered (fewer than {@code maxAttempts}) or with a proposal due. */
  List<String> pendingAlerts(int maxAttempts);

  /** The alert, write-locked, if it is still pending; empty when another member finished it. */
  Optional<Alert> lockPending(String id, int maxAttempts);

  void delivered(String id, String at, int attempts, String error);

  void proposed(String id, String proposal);
}

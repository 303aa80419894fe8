package io.fulcrum.admin.application.marketdata;

import java.util.List;
import java.util.Optional;

/**
 * Stored market data sets: a chain of immutable versions per set, observations never updated (a
 * correction is a row of a later version). Days are ISO text ({@code yyyy-mm-dd}). Methods join the
 * caller's transaction.
 */
public interface MarketDataStore {

  /**
   * @param assets the set's assets, sorted
   * @param maxGapDays the declared gap policy: the most calendar days an appended day may follow
   *     the previous one by (1: every day)
   */
  record SetRow(String name, List<String> assets, int maxGapDays, int latestSeq, String createdAt) {
    public SetRow {
      assets = List.copyOf(assets);
    }
  }

  /** One version: {@code version} is the first 12 hex digits of {@code hash} (as the CLI's). */
  record VersionRow(
      String name,
      int seq,
      String version,
      String hash,
      String kind,
      String firstDay,
      String lastDay,
      int observations,
      String note,
      String createdBy,
      String createdAt) {}

  record Observation(String asset, String day, double close) {}

  Optional<SetRow> set(String name);

  /** The set row, write-locked until the transaction ends (appends to one set are serialised). */
  Optional<SetRow> lockSet(String name);

  List<SetRow> sets();

  List<VersionRow> versions(String name);

  Optional<VersionRow> version(String name, String version);

  Optional<VersionRow> versionAt(String name, int seq);

  /** Version {@code seq}'s observations (per asset and day the row of the largest seq <= it). */
  List<Observation> observations(String name, int seq);

  void createSet(SetRow row);

  /** Stores a version, its new observation rows, and makes it the set's latest. */
  void addVersion(VersionRow row, List<Observation> rows);
}

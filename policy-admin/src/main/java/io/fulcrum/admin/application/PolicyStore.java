package io.fulcrum.admin.application;

import io.fulcrum.admin.application.PolicyEvent.Action;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stored policy versions, their content (by bundle hash) and their audited lifecycle events. */
public interface PolicyStore {

  /**
   * A stored version; its row must agree with its sealed lifecycle events ({@link
   * PolicyVersionSeal}).
   *
   * @throws ChainIntegrityFault when it does not (the row was edited outside the service)
   */
  Optional<PolicyVersion> find(String policyId, String version);

  /**
   * Versions of one policy (or of all, for null), ordered by policy id and upload time.
   *
   * @throws ChainIntegrityFault when a row disagrees with its sealed lifecycle events
   */
  List<PolicyVersion> versions(String policyId);

  /**
   * The files of the bundle with this content hash.
   *
   * @throws ChainIntegrityFault when the stored files no longer have that bundle hash
   */
  Map<String, byte[]> files(String bundleHash);

  /**
   * Events of one version (or all events, for nulls), in chain order: only those the audit chain
   * covers as stored; an event row written outside the service is left out.
   */
  List<PolicyEvent> events(String policyId, String version);

  /** Events with one of these actions, in chain order; only those the chain covers. */
  List<PolicyEvent> events(List<Action> actions);

  /** Every event in chain order: those the chain covers, and why each other one is left out. */
  EventLog eventLog();

  /**
   * @param sealed the events the chain covers, in chain order
   * @param unsealed the events it does not cover (edited, inserted outside the chain)
   */
  record EventLog(List<PolicyEvent> sealed, List<Unsealed> unsealed) {
    public EventLog {
      sealed = List.copyOf(sealed);
      unsealed = List.copyOf(unsealed);
    }

    /** An event row left out, with its action as stored and the problem. */
    public record Unsealed(String action, String problem) {}
  }

  boolean isEmpty();

  /**
   * The number of lifecycle event rows stored (sealed or not): the policy-state revision a cluster
   * member compares with the one it loaded. Events are only ever appended.
   */
  default long eventCount() {
    EventLog log = eventLog();
    return log.sealed().size() + log.unsealed().size();
  }

  /**
   * Stores {@code change} atomically, each event appended to the audit chain in the same
   * transaction as the rows it describes.
   */
  List<PolicyEvent> record(Change change);

  void recordShadowDifference(ShadowDifference difference);

  Page<ShadowDifference> shadowDifferences(int page, int size);

  /**
   * @param content bundle files to store under {@code version.bundleHash()}, or null
   * @param version the version row to create or replace, or null
   */
  record Change(
      Map<String, byte[]> content,
      PolicyVersion version,
      List<NewEvent> events,
      String actor,
      Instant at) {
    public Change {
      events = List.copyOf(events);
    }
  }

  record NewEvent(
      Action action,
      String policyId,
      String version,
      String bundleHash,
      Instant effectiveAt,
      String reason,
      String detail) {}
}

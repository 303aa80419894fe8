package io.fulcrum.admin.application.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Evidence jobs in the database (observational: not part of the audit chain). */
public interface EvidenceStore {

  void create(EvidenceJob job);

  Optional<EvidenceJob> find(String id);

  /** A version's jobs, newest first, without their result and report (use {@link #find}). */
  List<EvidenceJob> list(String policyId, String version);

  /** Marks the job RUNNING with its total steps, baseline and data hashes. */
  void started(
      String id,
      Instant at,
      long total,
      String baselineRef,
      String baselineHash,
      String dataHashesJson);

  /** Records progress; answers whether a cancel was requested (by any member). */
  boolean progress(String id, long done);

  /** Asks a queued or running job to stop; false when it had already finished. */
  boolean requestCancel(String id);

  void finished(
      String id,
      Instant at,
      EvidenceState state,
      long done,
      String outcome,
      String summary,
      String resultJson,
      String reportText);
}

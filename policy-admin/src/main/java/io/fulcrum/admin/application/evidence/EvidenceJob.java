package io.fulcrum.admin.application.evidence;

import java.time.Instant;

/**
 * An evidence job as stored: the version it ran on (bundle hash), the baseline of a comparison, the
 * hashes of the data it read, its state and progress, and its result.
 *
 * @param parametersJson what was asked (suite, book, generated count, decisions, portfolio, data
 *     set), canonical JSON
 * @param dataHashesJson SHA-256 of every input read (file name or data set to hash), JSON
 * @param outcome PASSED or FAILED (regression), CHANGES or NO_CHANGES (impact), the zone pair
 *     (coverage); null until done
 * @param resultJson the result (JSON), null until done
 * @param reportText the JUnit XML of a regression, else null
 */
public record EvidenceJob(
    String id,
    EvidenceKind kind,
    String policyId,
    String version,
    String bundleHash,
    String baselineRef,
    String baselineHash,
    String parametersJson,
    String dataHashesJson,
    EvidenceState state,
    long progressDone,
    long progressTotal,
    boolean cancelRequested,
    String requestedBy,
    Instant requestedAt,
    Instant startedAt,
    Instant finishedAt,
    String outcome,
    String summary,
    String resultJson,
    String reportText) {

  public String ref() {
    return policyId + "@" + version;
  }

  /** This job in {@code state}, e.g. a job this service no longer runs shown as FAILED. */
  public EvidenceJob withState(EvidenceState newState, String newSummary) {
    return new EvidenceJob(
        id,
        kind,
        policyId,
        version,
        bundleHash,
        baselineRef,
        baselineHash,
        parametersJson,
        dataHashesJson,
        newState,
        progressDone,
        progressTotal,
        cancelRequested,
        requestedBy,
        requestedAt,
        startedAt,
        finishedAt,
        outcome,
        newSummary,
        resultJson,
        reportText);
  }
}

package io.fulcrum.admin.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.fulcrum.admin.application.evidence.EvidenceJob;
import io.fulcrum.admin.application.evidence.EvidenceKind;
import io.fulcrum.admin.application.evidence.EvidenceState;
import java.time.Duration;
import java.time.Instant;

/**
 * An evidence job: what ran on which version (bundle hash, baseline and input hashes), its state,
 * progress and age, and (for one job) its result as stored.
 *
 * @param ageSeconds seconds since it finished (or was requested, while it runs)
 * @param result the stored result JSON, written as is; only when one job is read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvidenceJobView(
    String id,
    EvidenceKind kind,
    String policy,
    String version,
    String bundleHash,
    String baselineRef,
    String baselineHash,
    @JsonRawValue String parameters,
    @JsonRawValue String dataHashes,
    EvidenceState state,
    long progressDone,
    long progressTotal,
    boolean cancelRequested,
    String requestedBy,
    Instant requestedAt,
    Instant startedAt,
    Instant finishedAt,
    long ageSeconds,
    Double elapsedSeconds,
    String outcome,
    String summary,
    boolean hasJunitXml,
    @JsonRawValue String result) {

  static EvidenceJobView of(EvidenceJob j, Instant now, boolean withResult) {
    Instant since = j.finishedAt() != null ? j.finishedAt() : j.requestedAt();
    Double elapsed =
        j.startedAt() == null
            ? null
            : Duration.between(j.startedAt(), j.finishedAt() != null ? j.finishedAt() : now)
                    .toMillis()
                / 1000.0;
    return new EvidenceJobView(
        j.id(),
        j.kind(),
        j.policyId(),
        j.version(),
        j.bundleHash(),
        j.baselineRef(),
        j.baselineHash(),
        j.parametersJson(),
        j.dataHashesJson(),
        j.state(),
        j.progressDone(),
        j.progressTotal(),
        j.cancelRequested(),
        j.requestedBy(),
        j.requestedAt(),
        j.startedAt(),
        j.finishedAt(),
        Math.max(0, Duration.between(since, now).toSeconds()),
        elapsed,
        j.outcome(),
        j.summary(),
        j.kind() == EvidenceKind.REGRESSION && j.state() == EvidenceState.DONE,
        withResult ? j.resultJson() : null);
  }
}

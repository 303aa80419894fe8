package io.fulcrum.admin.persistence;

import io.fulcrum.admin.application.evidence.EvidenceJob;
import io.fulcrum.admin.application.evidence.EvidenceKind;
import io.fulcrum.admin.application.evidence.EvidenceState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An evidence job (V3__evidence.sql): observational, not part of the audit chain. */
@Entity
@Table(
    name = "evidence_job",
    indexes =
        @Index(
            name = "ix_evidence_version",
            columnList = "policy_id, policy_version, requested_at"))
class EvidenceJobEntity {

  @Id
  @Column(length = 36)
  String id;

  @Column(nullable = false, length = 30)
  String kind;

  @Column(name = "policy_id", nullable = false, length = 100)
  String policyId;

  @Column(name = "policy_version", nullable = false, length = 50)
  String policyVersion;

  @Column(name = "bundle_hash", nullable = false, length = 64)
  String bundleHash;

  @Column(name = "baseline_ref", length = 160)
  String baselineRef;

  @Column(name = "baseline_hash", length = 64)
  String baselineHash;

  @Column(name = "parameters_json", nullable = false, length = 2000)
  String parametersJson;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(name = "data_hashes_json")
  String dataHashesJson;

  @Column(nullable = false, length = 20)
  String state;

  @Column(name = "progress_done", nullable = false)
  long progressDone;

  @Column(name = "progress_total", nullable = false)
  long progressTotal;

  @Column(name = "cancel_requested", nullable = false)
  boolean cancelRequested;

  @Column(name = "requested_by", nullable = false, length = 100)
  String requestedBy;

  @Column(name = "requested_at", nullable = false)
  Instant requestedAt;

  @Column(name = "started_at")
  Instant startedAt;

  @Column(name = "finished_at")
  Instant finishedAt;

  @Column(length = 20)
  String outcome;

  @Column(length = 2000)
  String summary;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(name = "result_json")
  String resultJson;

  @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
  @Column(name = "report_text")
  String reportText;

  protected EvidenceJobEntity() {}

  EvidenceJobEntity(EvidenceJob j) {
    id = j.id();
    kind = j.kind().name();
    policyId = j.policyId();
    policyVersion = j.version();
    bundleHash = j.bundleHash();
    baselineRef = j.baselineRef();
    baselineHash = j.baselineHash();
    parametersJson = j.parametersJson();
    dataHashesJson = text(j.dataHashesJson());
    state = j.state().name();
    progressDone = j.progressDone();
    progressTotal = j.progressTotal();
    cancelRequested = j.cancelRequested();
    requestedBy = j.requestedBy();
    requestedAt = j.requestedAt();
    startedAt = j.startedAt();
    finishedAt = j.finishedAt();
    outcome = j.outcome();
    summary = j.summary();
    resultJson = text(j.resultJson());
    reportText = text(j.reportText());
  }

  /**
   * Long text columns hold "" for "none": the PostgreSQL driver refuses a null bound as Hibernate's
   * LONG32VARCHAR ("unknown type"), found by JpaEvidenceStoreTest.
   */
  static String text(String value) {
    return value == null ? "" : value;
  }

  private static String orNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  EvidenceJob toJob(boolean withResult) {
    return new EvidenceJob(
        id,
        EvidenceKind.valueOf(kind),
        policyId,
        policyVersion,
        bundleHash,
        baselineRef,
        baselineHash,
        parametersJson,
        orNull(dataHashesJson),
        EvidenceState.valueOf(state),
        progressDone,
        progressTotal,
        cancelRequested,
        requestedBy,
        requestedAt,
        startedAt,
        finishedAt,
        outcome,
        summary,
        withResult ? orNull(resultJson) : null,
        withResult ? orNull(reportText) : null);
  }
}

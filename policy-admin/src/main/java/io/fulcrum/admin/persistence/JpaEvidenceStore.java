package io.fulcrum.admin.persistence;

import io.fulcrum.admin.application.evidence.EvidenceJob;
import io.fulcrum.admin.application.evidence.EvidenceState;
import io.fulcrum.admin.application.evidence.EvidenceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Evidence jobs in JPA, one short transaction per call. */
@ApplicationScoped
public class JpaEvidenceStore implements EvidenceStore {

  @PersistenceContext(unitName = "fulcrum")
  EntityManager em;

  @Override
  @Transactional
  public void create(EvidenceJob job) {
    em.persist(new EvidenceJobEntity(job));
  }

  @Override
  @Transactional
  public Optional<EvidenceJob> find(String id) {
    return Optional.ofNullable(em.find(EvidenceJobEntity.class, id)).map(e -> e.toJob(true));
  }

  @Override
  @Transactional
  public List<EvidenceJob> list(String policyId, String version) {
    return em
        .createQuery(
            "select j from EvidenceJobEntity j where j.policyId = :p and j.policyVersion = :v"
                + " order by j.requestedAt desc, j.id",
            EvidenceJobEntity.class)
        .setParameter("p", policyId)
        .setParameter("v", version)
        .setMaxResults(500)
        .getResultList()
        .stream()
        .map(e -> e.toJob(false))
        .toList();
  }

  @Override
  @Transactional
  public void started(
      String id,
      Instant at,
      long total,
      String baselineRef,
      String baselineHash,
      String dataHashesJson) {
    EvidenceJobEntity e = em.find(EvidenceJobEntity.class, id);
    if (e != null && !EvidenceState.valueOf(e.state).finished()) {
      e.state = EvidenceState.RUNNING.name();
      e.startedAt = at;
      e.progressTotal = total;
      e.baselineRef = baselineRef;
      e.baselineHash = baselineHash;
      e.dataHashesJson = EvidenceJobEntity.text(dataHashesJson);
    }
  }

  @Override
  @Transactional
  public boolean progress(String id, long done) {
    EvidenceJobEntity e = em.find(EvidenceJobEntity.class, id);
    if (e == null) {
      return true;
    }
    e.progressDone = done;
    return e.cancelRequested;
  }

  @Override
  @Transactional
  public boolean requestCancel(String id) {
    EvidenceJobEntity e = em.find(EvidenceJobEntity.class, id);
    if (e == null || EvidenceState.valueOf(e.state).finished()) {
      return false;
    }
    e.cancelRequested = true;
    return true;
  }

  @Override
  @Transactional
  public void finished(
      String id,
      Instant at,
      EvidenceState state,
      long done,
      String outcome,
      String summary,
      String resultJson,
      String reportText) {
    EvidenceJobEntity e = em.find(EvidenceJobEntity.class, id);
    if (e == null || EvidenceState.valueOf(e.state).finished()) {
      return;
    }
    e.state = state.name();
    e.finishedAt = at;
    e.progressDone = done;
    e.outcome = outcome;
    e.summary = summary;
    e.resultJson = EvidenceJobEntity.text(resultJson);
    e.reportText = EvidenceJobEntity.text(reportText);
  }
}

package io.fulcrum.admin.persistence;

import io.fulcrum.admin.application.ChainLink;
import io.fulcrum.admin.application.DecisionQuery;
import io.fulcrum.admin.application.DecisionRepository;
import io.fulcrum.admin.application.NewDecision;
import io.fulcrum.admin.application.Page;
import io.fulcrum.admin.application.StoredDecision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decisions in JPA; each append extends the audit chain in the same transaction. */
@ApplicationScoped
public class JpaDecisionRepository implements DecisionRepository {

  @PersistenceContext(unitName = "fulcrum")
  EntityManager em;

  @Inject JpaAuditLog auditLog;

  @Override
  @Transactional
  public List<Appended> appendAll(List<Authored> decisions) {
    ChainHeadEntity head = auditLog.lockHead();
    // Micros: what both H2 and PostgreSQL store, so the sealed value reads back identical.
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    List<Appended> out = new ArrayList<>(decisions.size());
    for (Authored authored : decisions) {
      NewDecision d = authored.decision();
      String actor = authored.actor();
      Optional<DecisionEntity> existing =
          d.idempotencyKey() == null ? Optional.empty() : entityByKey(d.idempotencyKey());
      if (existing.isPresent()) {
        out.add(new Appended(DecisionMapping.toStored(existing.get()), false));
        continue;
      }
      DecisionEntity e = DecisionMapping.toEntity(d, head.lastSequence + 1, now, actor);
      em.persist(e);
      auditLog.append(head, ChainLink.DECISION, e.id, e.contentHash(), now, actor);
      out.add(new Appended(DecisionMapping.toStored(e), true));
    }
    return out;
  }

  @Override
  @Transactional
  public Optional<StoredDecision> find(String id) {
    return Optional.ofNullable(em.find(DecisionEntity.class, id)).map(DecisionMapping::toStored);
  }

  @Override
  @Transactional
  public Optional<StoredDecision> findByIdempotencyKey(String key) {
    return entityByKey(key).map(DecisionMapping::toStored);
  }

  private Optional<DecisionEntity> entityByKey(String key) {
    return em.createQuery(
            "select d from DecisionEntity d where d.idempotencyKey = :key", DecisionEntity.class)
        .setParameter("key", key)
        .getResultStream()
        .findFirst();
  }

  @Override
  @Transactional
  public Page<StoredDecision> search(DecisionQuery q) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<DecisionEntity> select = cb.createQuery(DecisionEntity.class);
    Root<DecisionEntity> d = select.from(DecisionEntity.class);
    select.where(filters(cb, d, q)).orderBy(cb.desc(d.get("sequence")));
    List<StoredDecision> items =
        em.createQuery(select)
            .setFirstResult(q.page() * q.size())
            .setMaxResults(q.size())
            .getResultStream()
            .map(DecisionMapping::toStored)
            .toList();
    CriteriaQuery<Long> count = cb.createQuery(Long.class);
    Root<DecisionEntity> c = count.from(DecisionEntity.class);
    count.select(cb.count(c)).where(filters(cb, c, q));
    long total = em.createQuery(count).getSingleResult();
    return new Page<>(items, q.page(), q.size(), total);
  }

  private static Predicate[] filters(CriteriaBuilder cb, Root<DecisionEntity> d, DecisionQuery q) {
    List<Predicate> where = new ArrayList<>();
    if (q.accountId() != null) {
      where.add(cb.equal(d.get("accountId"), q.accountId()));
    }
    if (q.policyId() != null) {
      where.add(cb.equal(d.get("policyId"), q.policyId()));
    }
    if (q.policyVersion() != null) {
      where.add(cb.equal(d.get("policyVersion"), q.policyVersion()));
    }
    if (q.status() != null) {
      where.add(cb.equal(d.get("status"), q.status().name()));
    }
    if (q.from() != null) {
      where.add(cb.greaterThanOrEqualTo(d.get("createdAt"), q.from()));
    }
    if (q.to() != null) {
      where.add(cb.lessThan(d.get("createdAt"), q.to()));
    }
    return where.toArray(Predicate[]::new);
  }
}

package io.fulcrum.admin.persistence;

import io.fulcrum.admin.application.AuditChain;
import io.fulcrum.admin.application.ChainIntegrityFault;
import io.fulcrum.admin.application.ChainLink;
import io.fulcrum.admin.application.ChainSeal;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/** Decisions in JPA; each append extends the audit chain in the same transaction. */
@ApplicationScoped
public class JpaDecisionRepository implements DecisionRepository {

  @PersistenceContext(unitName = "fulcrum")
  EntityManager em;

  @Inject JpaAuditLog auditLog;

  /**
   * Stores the group in one transaction under the locked chain head, in order: each new decision
   * gets the next sequence and its audit record. The decisions go in as one JDBC batch ({@link
   * DecisionRows}; through JPA on HSQLDB), the audit records through JPA (batched at the flush
   * before commit).
   */
  @Override
  @Transactional
  public List<Appended> appendAll(List<Authored> decisions) {
    ChainHeadEntity head = auditLog.lockHead();
    // Micros: what both H2 and PostgreSQL store, so the sealed value reads back identical.
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    List<Appended> out = new ArrayList<>(decisions.size());
    List<DecisionEntity> rows = new ArrayList<>(decisions.size());
    // The group's new decisions by idempotency key: a retry queued in the same group finds its
    // first (not yet inserted) decision here.
    Map<String, DecisionEntity> keyed = new HashMap<>();
    // The links this group appends, in chain order with their record hashes: the one place per
    // committed group where they are all known (for whatever else is derived from the chain).
    List<ChainLink> links = new ArrayList<>(decisions.size());
    for (Authored authored : decisions) {
      NewDecision d = authored.decision();
      String actor = authored.actor();
      if (d.idempotencyKey() != null) {
        DecisionEntity queued = keyed.get(d.idempotencyKey());
        Optional<StoredDecision> stored =
            queued != null
                ? Optional.of(DecisionMapping.toStored(queued))
                : entityByKey(d.idempotencyKey()).map(this::sealed);
        if (stored.isPresent()) {
          out.add(new Appended(stored.get(), false));
          continue;
        }
      }
      // The decision's time is the service-clock instant that picked its policy version.
      DecisionEntity e = DecisionMapping.toEntity(d, head.lastSequence + 1, d.decidedAt(), actor);
      rows.add(e);
      if (d.idempotencyKey() != null) {
        keyed.put(d.idempotencyKey(), e);
      }
      links.add(auditLog.append(head, ChainLink.DECISION, e.id, e.contentHash(), now, actor));
      out.add(new Appended(DecisionMapping.toStored(e), true));
    }
    Session session = em.unwrap(Session.class);
    if (session.doReturningWork(DecisionRows::supports)) {
      session.doWork(connection -> DecisionRows.insertAll(connection, rows));
    } else {
      rows.forEach(em::persist);
    }
    return out;
  }

  @Override
  @Transactional
  public Optional<StoredDecision> find(String id) {
    return Optional.ofNullable(em.find(DecisionEntity.class, id)).map(this::sealed);
  }

  @Override
  @Transactional
  public Optional<StoredDecision> findByIdempotencyKey(String key) {
    return entityByKey(key).map(this::sealed);
  }

  /**
   * The decision, if the chain covers it as stored.
   *
   * @throws ChainIntegrityFault if it does not (above the head, unsealed, or altered)
   */
  private StoredDecision sealed(DecisionEntity e) {
    String problem =
        auditLog.sealProblem(
            "decision " + e.id, ChainLink.DECISION, e.id, e.sequence, e.contentHash());
    if (problem != null) {
      throw new ChainIntegrityFault(problem);
    }
    return DecisionMapping.toStored(e);
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
    AuditChain.Head head = auditLog.head();
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<DecisionEntity> select = cb.createQuery(DecisionEntity.class);
    Root<DecisionEntity> d = select.from(DecisionEntity.class);
    select.where(filters(cb, d, q, head.sequence())).orderBy(cb.desc(d.get("sequence")));
    List<DecisionEntity> found =
        em.createQuery(select)
            .setFirstResult(q.page() * q.size())
            .setMaxResults(q.size())
            .getResultList();
    CriteriaQuery<Long> count = cb.createQuery(Long.class);
    Root<DecisionEntity> c = count.from(DecisionEntity.class);
    count.select(cb.count(c)).where(filters(cb, c, q, head.sequence()));
    long total = em.createQuery(count).getSingleResult();
    return new Page<>(sealed(found, head), q.page(), q.size(), total);
  }

  /** The page's decisions, each checked against its record (two record reads for the page). */
  private List<StoredDecision> sealed(List<DecisionEntity> found, AuditChain.Head head) {
    Map<Long, ChainLink> records =
        auditLog.recordsAround(found.stream().map(e -> e.sequence).toList());
    List<StoredDecision> out = new ArrayList<>(found.size());
    for (DecisionEntity e : found) {
      String problem =
          ChainSeal.problem(
              "decision " + e.id,
              ChainLink.DECISION,
              e.id,
              e.sequence,
              e.contentHash(),
              records.get(e.sequence),
              records.get(e.sequence + 1),
              head);
      if (problem != null) {
        throw new ChainIntegrityFault(problem);
      }
      out.add(DecisionMapping.toStored(e));
    }
    return out;
  }

  /** The query's filters; rows above the chain head are never decisions the service took. */
  private static Predicate[] filters(
      CriteriaBuilder cb, Root<DecisionEntity> d, DecisionQuery q, long headSequence) {
    List<Predicate> where = new ArrayList<>();
    where.add(cb.lessThanOrEqualTo(d.get("sequence"), headSequence));
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

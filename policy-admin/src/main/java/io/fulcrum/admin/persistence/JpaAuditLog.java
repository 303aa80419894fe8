package io.fulcrum.admin.persistence;

import io.fulcrum.admin.application.AuditChain;
import io.fulcrum.admin.application.ChainLink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The audit chain in JPA. Appending happens inside the caller's transaction with the head row
 * locked, so the chain grows one link at a time however many threads or instances append.
 */
@ApplicationScoped
public class JpaAuditLog implements AuditChain {

  @PersistenceContext(unitName = "fulcrum")
  EntityManager em;

  /** The head, locked for update until the current transaction ends; created on first use. */
  ChainHeadEntity lockHead() {
    ChainHeadEntity head =
        em.find(ChainHeadEntity.class, ChainHeadEntity.ID, LockModeType.PESSIMISTIC_WRITE);
    if (head == null) {
      throw new IllegalStateException(
          "audit chain head row is missing; the service initialises it at start-up");
    }
    return head;
  }

  /** Appends one link after the locked {@code head} and advances it. */
  ChainLink append(
      ChainHeadEntity head,
      String kind,
      String subjectId,
      String contentHash,
      Instant at,
      String actor) {
    AuditRecordEntity r = new AuditRecordEntity();
    r.sequence = head.lastSequence + 1;
    r.kind = kind;
    r.subjectId = subjectId;
    r.contentHash = contentHash;
    r.previousHash = head.lastHash;
    r.recordedAt = at;
    r.recordedBy = actor;
    r.recordHash = r.toLink().expectedRecordHash();
    em.persist(r);
    head.lastSequence = r.sequence;
    head.lastHash = r.recordHash;
    return r.toLink();
  }

  /** Creates the head row if the database has none (first start on an empty schema). */
  @Transactional
  public void initialise() {
    if (em.find(ChainHeadEntity.class, ChainHeadEntity.ID) == null) {
      em.persist(ChainHeadEntity.genesis());
    }
  }

  @Override
  @Transactional
  public List<ChainLink> links(long afterSequence, int limit) {
    return em.createQuery(
            "select r from AuditRecordEntity r where r.sequence > :after order by r.sequence",
            AuditRecordEntity.class)
        .setParameter("after", afterSequence)
        .setMaxResults(limit)
        .getResultStream()
        .map(AuditRecordEntity::toLink)
        .toList();
  }

  @Override
  @Transactional
  public Head head() {
    ChainHeadEntity head = em.find(ChainHeadEntity.class, ChainHeadEntity.ID);
    return head == null ? new Head(0, "missing") : new Head(head.lastSequence, head.lastHash);
  }

  @Override
  @Transactional
  public Map<String, String> currentContentHashes(String kind, Set<String> subjectIds) {
    requireKnownKind(kind);
    Map<String, String> hashes = new HashMap<>();
    if (subjectIds.isEmpty()) {
      return hashes;
    }
    if (ChainLink.POLICY_PREFIX.equals(ChainLink.family(kind))) {
      Map<String, String> contentSha = new HashMap<>();
      em.createQuery(
              "select e from PolicyEventEntity e where e.id in :ids", PolicyEventEntity.class)
          .setParameter("ids", subjectIds)
          .getResultStream()
          .forEach(
              e ->
                  hashes.put(
                      e.id,
                      e.contentHash(contentSha.computeIfAbsent(e.bundleHash, this::contentSha))));
      return hashes;
    }
    em.createQuery("select d from DecisionEntity d where d.id in :ids", DecisionEntity.class)
        .setParameter("ids", subjectIds)
        .getResultStream()
        .forEach(
            d -> {
              hashes.put(d.id, d.contentHash());
              em.detach(d);
            });
    return hashes;
  }

  @Override
  @Transactional
  public long subjectCount(String kind, long upToSequence) {
    requireKnownKind(kind);
    if (ChainLink.POLICY_PREFIX.equals(ChainLink.family(kind))) {
      return em.createQuery(
              "select count(e) from PolicyEventEntity e where e.sequence <= :upTo", Long.class)
          .setParameter("upTo", upToSequence)
          .getSingleResult();
    }
    return em.createQuery(
            "select count(d) from DecisionEntity d where d.sequence <= :upTo", Long.class)
        .setParameter("upTo", upToSequence)
        .getSingleResult();
  }

  private String contentSha(String bundleHash) {
    PolicyContentEntity c = em.find(PolicyContentEntity.class, bundleHash);
    return c == null
        ? "missing"
        : java.util.HexFormat.of().formatHex(io.fulcrum.engine.policy.PolicyBundle.sha256Of(c.zip));
  }

  private static void requireKnownKind(String kind) {
    if (!ChainLink.DECISION.equals(kind)
        && !ChainLink.POLICY_PREFIX.equals(ChainLink.family(kind))) {
      throw new IllegalArgumentException("unknown audit subject kind '" + kind + "'");
    }
  }
}

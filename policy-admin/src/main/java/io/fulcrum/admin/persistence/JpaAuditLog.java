package io.fulcrum.admin.persistence;

import io.fulcrum.admin.application.AuditChain;
import io.fulcrum.admin.application.ChainIntegrityFault;
import io.fulcrum.admin.application.ChainLink;
import io.fulcrum.admin.application.ChainSeal;
import io.fulcrum.admin.application.PolicyEvent;
import io.fulcrum.admin.application.PolicyVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The audit chain in JPA. Appending happens inside the caller's transaction with the head row
 * locked, so the chain grows one link at a time however many threads or instances append.
 */
@ApplicationScoped
public class JpaAuditLog implements AuditChain {

  @PersistenceContext(unitName = "fulcrum")
  EntityManager em;

  @Inject JpaMerkleLog merkle;

  /**
   * The head, locked for update until the current transaction ends. Refuses to hand it out while
   * any chained row lies above it: the next append would collide with it (or be sealed next to a
   * row nobody can explain), so nothing is appended until an operator has removed it.
   *
   * @throws ChainIntegrityFault naming the lowest row above the head
   */
  ChainHeadEntity lockHead() {
    ChainHeadEntity head =
        em.find(ChainHeadEntity.class, ChainHeadEntity.ID, LockModeType.PESSIMISTIC_WRITE);
    if (head == null) {
      throw new IllegalStateException(
          "audit chain head row is missing; the service initialises it at start-up");
    }
    if (highestStoredSequence() <= head.lastSequence) {
      return head;
    }
    rowsAbove(head.lastSequence).stream()
        .min(Comparator.comparingLong(StoredRow::sequence))
        .ifPresent(
            row -> {
              throw new ChainIntegrityFault(
                  row.describe()
                      + " is stored at sequence "
                      + row.sequence()
                      + ", above the chain head "
                      + head.lastSequence
                      + ": nothing more is appended to the chain until it is removed");
            });
    return head;
  }

  /**
   * The highest sequence stored in any chained table, in one query of three index look-ups: every
   * group commit asks, and only when a row lies above the head are the rows named ({@link
   * #rowsAbove}).
   */
  private long highestStoredSequence() {
    Object[] highest =
        em.createQuery(
                "select (select max(r.sequence) from AuditRecordEntity r),"
                    + " (select max(d.sequence) from DecisionEntity d),"
                    + " (select max(e.sequence) from PolicyEventEntity e)"
                    + " from ChainHeadEntity h where h.id = :id",
                Object[].class)
            .setParameter("id", ChainHeadEntity.ID)
            .getSingleResult();
    long max = 0;
    for (Object o : highest) {
      if (o != null) {
        max = Math.max(max, ((Number) o).longValue());
      }
    }
    return max;
  }

  /**
   * Why a row is not covered by the chain (see {@link ChainSeal}), or null if it is.
   *
   * @param what the row, named for the problem ("decision 1f3c...")
   */
  String sealProblem(
      String what, String kind, String subjectId, long sequence, String contentHash) {
    Map<Long, ChainLink> records = recordsAround(List.of(sequence));
    return ChainSeal.problem(
        what,
        kind,
        subjectId,
        sequence,
        contentHash,
        records.get(sequence),
        records.get(sequence + 1),
        head());
  }

  /** The records at each of these sequences and the one after it, by sequence. */
  Map<Long, ChainLink> recordsAround(Collection<Long> sequences) {
    Set<Long> wanted = new HashSet<>();
    for (long s : sequences) {
      wanted.add(s);
      wanted.add(s + 1);
    }
    Map<Long, ChainLink> out = new HashMap<>();
    if (wanted.isEmpty()) {
      return out;
    }
    em.createQuery(
            "select r from AuditRecordEntity r where r.sequence in :s", AuditRecordEntity.class)
        .setParameter("s", wanted)
        .getResultStream()
        .forEach(r -> out.put(r.sequence, r.toLink()));
    return out;
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
    // The decision log's Merkle leaf of this record, in the same transaction and chain order.
    merkle.append(r);
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
    merkle.initialise();
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
  public Snapshot snapshot() {
    ChainHeadEntity locked =
        em.find(ChainHeadEntity.class, ChainHeadEntity.ID, LockModeType.PESSIMISTIC_WRITE);
    if (locked == null) {
      return new Snapshot(new Head(0, "missing"), List.of(), List.of(), List.of());
    }
    Head head = new Head(locked.lastSequence, locked.lastHash);
    List<PolicyVersion> versions =
        em.createQuery(
                "select v from PolicyVersionEntity v order by v.ref", PolicyVersionEntity.class)
            .getResultStream()
            .map(PolicyVersionEntity::toVersion)
            .toList();
    List<PolicyEvent> events =
        em.createQuery(
                "select e from PolicyEventEntity e order by e.sequence", PolicyEventEntity.class)
            .getResultStream()
            .map(PolicyEventEntity::toEvent)
            .toList();
    List<StoredRow> above = new ArrayList<>(rowsAbove(head.sequence()));
    above.sort(Comparator.comparingLong(StoredRow::sequence));
    return new Snapshot(head, above, versions, events);
  }

  /** The lowest-numbered row above {@code sequence} of each chained table that has one. */
  List<StoredRow> rowsAbove(long sequence) {
    List<StoredRow> rows = new ArrayList<>();
    firstRow(
            "select r.sequence, r.subjectId from AuditRecordEntity r where r.sequence > :s"
                + " order by r.sequence",
            sequence)
        .ifPresent(r -> rows.add(new StoredRow(StoredRow.AUDIT_RECORD, (Long) r[0], null)));
    firstRow(
            "select d.sequence, d.id from DecisionEntity d where d.sequence > :s order by d.sequence",
            sequence)
        .ifPresent(r -> rows.add(new StoredRow(ChainLink.DECISION, (Long) r[0], (String) r[1])));
    firstRow(
            "select e.sequence, e.id from PolicyEventEntity e where e.sequence > :s"
                + " order by e.sequence",
            sequence)
        .ifPresent(
            r -> rows.add(new StoredRow(StoredRow.POLICY_EVENT, (Long) r[0], (String) r[1])));
    return rows;
  }

  @Override
  @Transactional
  public Optional<StoredRow> firstUnsealed(String kind, long upToSequence) {
    requireKnownKind(kind);
    if (ChainLink.POLICY_PREFIX.equals(ChainLink.family(kind))) {
      return firstRow(
              "select e.sequence, e.id from PolicyEventEntity e where e.sequence <= :s and not"
                  + " exists (select r.sequence from AuditRecordEntity r where r.sequence ="
                  + " e.sequence and r.subjectId = e.id and r.kind = concat('"
                  + ChainLink.POLICY_PREFIX
                  + "', e.action)) order by e.sequence",
              upToSequence)
          .map(r -> new StoredRow(StoredRow.POLICY_EVENT, (Long) r[0], (String) r[1]));
    }
    return firstRow(
            "select d.sequence, d.id from DecisionEntity d where d.sequence <= :s and not exists"
                + " (select r.sequence from AuditRecordEntity r where r.sequence = d.sequence"
                + " and r.subjectId = d.id and r.kind = '"
                + ChainLink.DECISION
                + "') order by d.sequence",
            upToSequence)
        .map(r -> new StoredRow(ChainLink.DECISION, (Long) r[0], (String) r[1]));
  }

  private Optional<Object[]> firstRow(String jpql, long sequence) {
    return em.createQuery(jpql, Object[].class)
        .setParameter("s", sequence)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  private String contentSha(String bundleHash) {
    PolicyContentEntity c = em.find(PolicyContentEntity.class, bundleHash);
    return c == null ? "missing" : io.fulcrum.engine.support.Sha256.hex(c.zip);
  }

  private static void requireKnownKind(String kind) {
    if (!ChainLink.DECISION.equals(kind)
        && !ChainLink.POLICY_PREFIX.equals(ChainLink.family(kind))) {
      throw new IllegalArgumentException("unknown audit subject kind '" + kind + "'");
    }
  }
}

package io.fulcrum.admin.persistence;

import io.fulcrum.admin.application.AuditChain;
import io.fulcrum.admin.application.BundleArchive;
import io.fulcrum.admin.application.ChainIntegrityFault;
import io.fulcrum.admin.application.ChainLink;
import io.fulcrum.admin.application.ChainSeal;
import io.fulcrum.admin.application.Page;
import io.fulcrum.admin.application.PolicyEvent;
import io.fulcrum.admin.application.PolicyEvent.Action;
import io.fulcrum.admin.application.PolicyStore;
import io.fulcrum.admin.application.PolicyVersion;
import io.fulcrum.admin.application.PolicyVersionSeal;
import io.fulcrum.admin.application.ShadowDifference;
import io.fulcrum.engine.policy.BundleReader;
import io.fulcrum.engine.support.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Policy versions, content and lifecycle events in JPA; events extend the audit chain. */
@ApplicationScoped
public class JpaPolicyStore implements PolicyStore {

  private static final Logger LOG = Logger.getLogger(JpaPolicyStore.class.getName());

  @PersistenceContext(unitName = "fulcrum")
  EntityManager em;

  @Inject JpaAuditLog auditLog;

  /**
   * {@inheritDoc}
   *
   * @throws ChainIntegrityFault when the row disagrees with its sealed lifecycle events
   */
  @Override
  @Transactional
  public Optional<PolicyVersion> find(String policyId, String version) {
    PolicyVersionEntity row = em.find(PolicyVersionEntity.class, policyId + "@" + version);
    if (row == null) {
      return Optional.empty();
    }
    List<String> ignored = new ArrayList<>();
    List<PolicyEvent> events =
        sealed(
            em.createQuery(
                    "select e from PolicyEventEntity e where e.policyId = :id and e.version = :v"
                        + " order by e.sequence",
                    PolicyEventEntity.class)
                .setParameter("id", policyId)
                .setParameter("v", version)
                .getResultList(),
            ignored);
    String problem = PolicyVersionSeal.problem(row.toVersion(), events);
    if (problem != null) {
      throw new ChainIntegrityFault(
          problem + (ignored.isEmpty() ? "" : " (" + ignored.get(0) + ")"));
    }
    return Optional.of(row.toVersion());
  }

  /**
   * {@inheritDoc}
   *
   * @throws ChainIntegrityFault when a row disagrees with its sealed lifecycle events
   */
  @Override
  @Transactional
  public List<PolicyVersion> versions(String policyId) {
    var q =
        policyId == null
            ? em.createQuery(
                "select v from PolicyVersionEntity v order by v.policyId, v.uploadedAt, v.version",
                PolicyVersionEntity.class)
            : em.createQuery(
                    "select v from PolicyVersionEntity v where v.policyId = :id"
                        + " order by v.uploadedAt, v.version",
                    PolicyVersionEntity.class)
                .setParameter("id", policyId);
    Map<String, List<PolicyEvent>> events =
        events(null, null).stream()
            .collect(Collectors.groupingBy(PolicyEvent::ref, HashMap::new, Collectors.toList()));
    return q.getResultStream()
        .map(v -> checked(v.toVersion(), events.getOrDefault(v.ref, List.of())))
        .toList();
  }

  private static PolicyVersion checked(PolicyVersion v, List<PolicyEvent> sealedEvents) {
    String problem = PolicyVersionSeal.problem(v, sealedEvents);
    if (problem != null) {
      throw new ChainIntegrityFault(problem);
    }
    return v;
  }

  @Override
  @Transactional
  public Map<String, byte[]> files(String bundleHash) {
    PolicyContentEntity c = em.find(PolicyContentEntity.class, bundleHash);
    if (c == null) {
      throw new IllegalStateException("no stored content with bundle hash " + bundleHash);
    }
    Map<String, byte[]> files = BundleArchive.read(c.zip);
    String recomputed = BundleReader.fromFiles("stored content " + bundleHash, files).hash();
    if (!recomputed.equals(bundleHash)) {
      throw new ChainIntegrityFault(
          "the policy content stored under bundle hash "
              + PolicyVersionSeal.abbreviated(bundleHash)
              + " has bundle hash "
              + PolicyVersionSeal.abbreviated(recomputed));
    }
    return files;
  }

  @Override
  @Transactional
  public List<PolicyEvent> events(String policyId, String version) {
    var q =
        policyId == null
            ? em.createQuery(
                "select e from PolicyEventEntity e order by e.sequence", PolicyEventEntity.class)
            : em.createQuery(
                    "select e from PolicyEventEntity e where e.policyId = :id and e.version = :v"
                        + " order by e.sequence",
                    PolicyEventEntity.class)
                .setParameter("id", policyId)
                .setParameter("v", version);
    return sealed(q.getResultList(), new ArrayList<>());
  }

  @Override
  @Transactional
  public List<PolicyEvent> events(List<Action> actions) {
    return sealed(
        em.createQuery(
                "select e from PolicyEventEntity e where e.action in :actions order by e.sequence",
                PolicyEventEntity.class)
            .setParameter("actions", actions.stream().map(Action::name).toList())
            .getResultList(),
        new ArrayList<>());
  }

  @Override
  @Transactional
  public EventLog eventLog() {
    List<PolicyEventEntity> rows =
        em.createQuery(
                "select e from PolicyEventEntity e order by e.sequence", PolicyEventEntity.class)
            .getResultList();
    List<String> ignored = new ArrayList<>();
    List<PolicyEvent> sealed = sealed(rows, ignored);
    Set<String> sealedIds = new HashSet<>();
    sealed.forEach(e -> sealedIds.add(e.id()));
    List<EventLog.Unsealed> unsealed = new ArrayList<>();
    int next = 0;
    for (PolicyEventEntity e : rows) {
      if (!sealedIds.contains(e.id)) {
        unsealed.add(new EventLog.Unsealed(e.action, ignored.get(next++)));
      }
    }
    return new EventLog(sealed, unsealed);
  }

  /**
   * The events among {@code rows} that the audit chain covers as stored. Any other was written
   * outside the service: it is left out (and logged), so it changes no state, activation or shadow
   * setting, and {@code /audit/verify} reports it.
   *
   * @param ignored collects why each left-out event was left out
   */
  private List<PolicyEvent> sealed(List<PolicyEventEntity> rows, List<String> ignored) {
    if (rows.isEmpty()) {
      return List.of();
    }
    AuditChain.Head head = auditLog.head();
    Map<Long, ChainLink> records =
        auditLog.recordsAround(rows.stream().map(e -> e.sequence).toList());
    Map<String, String> contentSha = new HashMap<>();
    List<PolicyEvent> out = new ArrayList<>(rows.size());
    for (PolicyEventEntity e : rows) {
      String problem =
          ChainSeal.problem(
              "policy event " + e.id + " (" + e.action + " " + e.policyId + "@" + e.version + ")",
              Action.valueOf(e.action).chainKind(),
              e.id,
              e.sequence,
              e.contentHash(contentSha.computeIfAbsent(e.bundleHash, this::contentSha)),
              records.get(e.sequence),
              records.get(e.sequence + 1),
              head);
      if (problem == null) {
        out.add(e.toEvent());
      } else {
        ignored.add(problem);
        LOG.warning(() -> problem + "; the event is ignored (see /api/v1/audit/verify)");
      }
    }
    return out;
  }

  @Override
  @Transactional
  public long eventCount() {
    return em.createQuery("select count(e) from PolicyEventEntity e", Long.class).getSingleResult();
  }

  @Override
  @Transactional
  public boolean isEmpty() {
    return em.createQuery("select count(v) from PolicyVersionEntity v", Long.class)
            .getSingleResult()
        == 0;
  }

  @Override
  @Transactional
  public List<PolicyEvent> record(Change change) {
    ChainHeadEntity head = auditLog.lockHead();
    if (change.content() != null
        && change.version() != null
        && em.find(PolicyContentEntity.class, change.version().bundleHash()) == null) {
      em.persist(
          new PolicyContentEntity(
              change.version().bundleHash(), BundleArchive.write(change.content())));
    }
    if (change.version() != null) {
      PolicyVersionEntity existing = em.find(PolicyVersionEntity.class, change.version().ref());
      if (existing == null) {
        em.persist(PolicyVersionEntity.from(change.version()));
      } else {
        existing.copy(change.version());
      }
    }
    em.flush();
    List<PolicyEvent> out = new ArrayList<>();
    for (NewEvent n : change.events()) {
      PolicyEvent event =
          new PolicyEvent(
              UUID.randomUUID().toString(),
              head.lastSequence + 1,
              n.action(),
              n.policyId(),
              n.version(),
              n.bundleHash(),
              change.actor(),
              change.at(),
              n.effectiveAt(),
              n.reason(),
              n.detail());
      PolicyEventEntity e = new PolicyEventEntity(event);
      em.persist(e);
      auditLog.append(
          head,
          n.action().chainKind(),
          e.id,
          e.contentHash(contentSha(n.bundleHash())),
          change.at(),
          change.actor());
      out.add(event);
    }
    return out;
  }

  /** SHA-256 of the stored content bytes of a bundle, or "missing". */
  String contentSha(String bundleHash) {
    PolicyContentEntity c = em.find(PolicyContentEntity.class, bundleHash);
    return c == null ? "missing" : Sha256.hex(c.zip);
  }

  @Override
  @Transactional
  public void recordShadowDifference(ShadowDifference difference) {
    em.persist(new ShadowDifferenceEntity(difference));
  }

  @Override
  @Transactional
  public Page<ShadowDifference> shadowDifferences(int page, int size) {
    if (page < 0 || size < 1 || size > 200) {
      throw new IllegalArgumentException(
          "page must be >= 0 and size 1..200 but were " + page + ", " + size);
    }
    List<ShadowDifference> items =
        em.createQuery(
                "select d from ShadowDifferenceEntity d order by d.recordedAt desc, d.decisionId",
                ShadowDifferenceEntity.class)
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultStream()
            .map(ShadowDifferenceEntity::toDifference)
            .toList();
    long total =
        em.createQuery("select count(d) from ShadowDifferenceEntity d", Long.class)
            .getSingleResult();
    return new Page<>(items, page, size, total);
  }
}

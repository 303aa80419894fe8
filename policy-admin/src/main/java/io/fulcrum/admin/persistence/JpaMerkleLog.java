package io.fulcrum.admin.persistence;

import io.fulcrum.admin.application.ChainIntegrityFault;
import io.fulcrum.admin.application.DecisionLeaf;
import io.fulcrum.admin.application.MerkleLog;
import io.fulcrum.admin.application.SignedCheckpoint;
import io.fulcrum.engine.support.Instants;
import io.fulcrum.engine.transparency.AuditLeaf;
import io.fulcrum.engine.transparency.CompactTree;
import io.fulcrum.engine.transparency.NodeId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The decision log's Merkle tree in JPA: complete-subtree hashes in {@code merkle_node}, the size
 * and right edge in the single {@code merkle_tree} row, signed checkpoints in {@code
 * audit_checkpoint}. {@link #append} runs inside the chain append's transaction, under its head
 * lock.
 */
@ApplicationScoped
public class JpaMerkleLog implements MerkleLog {

  private static final Logger LOG = Logger.getLogger(JpaMerkleLog.class.getName());
  private static final HexFormat HEX = HexFormat.of();
  private static final int CATCH_UP_CHUNK = 2000;

  @PersistenceContext(unitName = "fulcrum")
  EntityManager em;

  /**
   * Adds the leaf of the record just appended (and of any earlier records the tree lacks, e.g. a
   * database chained before the tree existed). Caller holds the chain head lock.
   *
   * @throws ChainIntegrityFault if the tree holds more leaves than the chain has records before
   *     this one (records were removed under it)
   */
  void append(AuditRecordEntity record) {
    MerkleTreeEntity state = state();
    CompactTree tree = state.tree();
    if (tree.size() > record.sequence - 1) {
      throw new ChainIntegrityFault(
          "the Merkle tree holds "
              + tree.size()
              + " leaves but audit record "
              + record.sequence
              + " is being appended: records were removed from the chain");
    }
    if (tree.size() < record.sequence - 1) {
      addStoredRecords(state, tree, record.sequence - 1, false);
    }
    addLeaf(tree, MerkleLog.leafOf(record.toLink()));
    state.store(tree);
  }

  /**
   * Appends the leaves of stored records {@code tree.size()+1 .. upTo}, in order; {@code clear}
   * empties the persistence context after each chunk (only in a transaction of its own).
   */
  private void addStoredRecords(
      MerkleTreeEntity state, CompactTree tree, long upTo, boolean clear) {
    while (tree.size() < upTo) {
      List<AuditRecordEntity> records =
          em.createQuery(
                  "select r from AuditRecordEntity r where r.sequence > :after and r.sequence <="
                      + " :upTo order by r.sequence",
                  AuditRecordEntity.class)
              .setParameter("after", tree.size())
              .setParameter("upTo", upTo)
              .setMaxResults(CATCH_UP_CHUNK)
              .getResultList();
      if (records.isEmpty() || records.get(0).sequence != tree.size() + 1) {
        throw new ChainIntegrityFault(
            "audit record " + (tree.size() + 1) + " is missing: the Merkle tree cannot be built");
      }
      for (AuditRecordEntity r : records) {
        if (r.sequence != tree.size() + 1) {
          throw new ChainIntegrityFault(
              "audit record " + (tree.size() + 1) + " is missing: the Merkle tree cannot be built");
        }
        addLeaf(tree, MerkleLog.leafOf(r.toLink()));
      }
      state.store(tree);
      if (clear) {
        em.flush();
        em.clear();
        state = state();
      }
    }
  }

  private void addLeaf(CompactTree tree, AuditLeaf leaf) {
    tree.append(leaf.leafHash())
        .forEach((id, hash) -> em.persist(new MerkleNodeEntity(id, HEX.formatHex(hash))));
  }

  private MerkleTreeEntity state() {
    MerkleTreeEntity state = em.find(MerkleTreeEntity.class, MerkleTreeEntity.ID);
    if (state == null) {
      throw new IllegalStateException(
          "merkle_tree row is missing; the service initialises it at start-up");
    }
    return state;
  }

  /** Creates the tree row if the database has none. */
  @Transactional
  public void initialise() {
    if (em.find(MerkleTreeEntity.class, MerkleTreeEntity.ID) == null) {
      em.persist(MerkleTreeEntity.empty());
    }
  }

  @Override
  @Transactional
  public void catchUp() {
    ChainHeadEntity head =
        em.find(ChainHeadEntity.class, ChainHeadEntity.ID, LockModeType.PESSIMISTIC_WRITE);
    MerkleTreeEntity state = state();
    CompactTree tree = state.tree();
    if (head == null || tree.size() >= head.lastSequence) {
      return;
    }
    long from = tree.size();
    addStoredRecords(state, tree, head.lastSequence, true);
    LOG.info(
        () -> "Merkle tree caught up with the chain: leaves " + (from + 1) + ".." + tree.size());
  }

  @Override
  @Transactional
  public TreeHead treeHead() {
    MerkleTreeEntity state = em.find(MerkleTreeEntity.class, MerkleTreeEntity.ID);
    if (state == null) {
      return new TreeHead(0, HEX.formatHex(CompactTree.empty().root()));
    }
    CompactTree tree = state.tree();
    return new TreeHead(tree.size(), HEX.formatHex(tree.root()));
  }

  @Override
  @Transactional
  public Map<NodeId, byte[]> nodes(Collection<NodeId> ids) {
    Map<Long, NodeId> byKey = new HashMap<>();
    ids.forEach(id -> byKey.put(MerkleNodeEntity.key(id), id));
    Map<NodeId, byte[]> out = new HashMap<>();
    if (byKey.isEmpty()) {
      return out;
    }
    em.createQuery("select n from MerkleNodeEntity n where n.nodeKey in :k", MerkleNodeEntity.class)
        .setParameter("k", byKey.keySet())
        .getResultStream()
        .forEach(n -> out.put(n.id(), HEX.parseHex(n.hash)));
    for (NodeId id : ids) {
      if (!out.containsKey(id)) {
        throw new ChainIntegrityFault(
            "Merkle tree node (level "
                + id.level()
                + ", index "
                + id.index()
                + ") is missing from merkle_node");
      }
    }
    return out;
  }

  @Override
  @Transactional
  public Optional<SignedCheckpoint> latestCheckpoint() {
    return em.createQuery(
            "select c from CheckpointEntity c order by c.treeSize desc", CheckpointEntity.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(CheckpointEntity::toCheckpoint);
  }

  @Override
  @Transactional
  public List<SignedCheckpoint> checkpoints() {
    return em.createQuery(
            "select c from CheckpointEntity c order by c.treeSize", CheckpointEntity.class)
        .getResultStream()
        .map(CheckpointEntity::toCheckpoint)
        .toList();
  }

  @Override
  @Transactional
  public boolean store(SignedCheckpoint checkpoint) {
    if (em.find(CheckpointEntity.class, checkpoint.treeSize()) != null) {
      return false;
    }
    em.persist(new CheckpointEntity(checkpoint));
    return true;
  }

  @Override
  @Transactional
  public Optional<DecisionLeaf> decisionLeaf(String decisionId) {
    DecisionEntity d = em.find(DecisionEntity.class, decisionId);
    if (d == null) {
      return Optional.empty();
    }
    AuditRecordEntity r = em.find(AuditRecordEntity.class, d.sequence);
    if (r == null
        || !(io.fulcrum.admin.application.ChainLink.DECISION.equals(r.kind)
            && r.subjectId.equals(d.id))) {
      throw new ChainIntegrityFault(
          "decision "
              + decisionId
              + " is stored at sequence "
              + d.sequence
              + " but no audit record there seals it: it is not in the decision log");
    }
    Map<String, String> columns = new LinkedHashMap<>();
    List<String> values =
        java.util.Arrays.asList(
            d.id,
            Long.toString(d.sequence),
            Instants.format(d.createdAt),
            d.createdBy,
            d.idempotencyKey,
            d.requestHash,
            d.accountId,
            d.policyId,
            d.policyVersion,
            d.policyHash,
            d.status,
            Instants.format(d.asOf),
            d.decisionHash,
            d.requestJson,
            d.decisionJson);
    for (int i = 0; i < values.size(); i++) {
      columns.put(AuditLeaf.DECISION_COLUMNS.get(i), values.get(i));
    }
    em.detach(d);
    return Optional.of(new DecisionLeaf(decisionId, MerkleLog.leafOf(r.toLink()), columns));
  }
}

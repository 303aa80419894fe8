package io.fulcrum.admin.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.admin.application.PolicyEvent.Action;
import io.fulcrum.engine.transparency.Checkpoint;
import io.fulcrum.engine.transparency.InMemoryNodeStore;
import io.fulcrum.engine.transparency.NodeId;
import io.fulcrum.engine.transparency.NoteKeys;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chain rules, on an in-memory chain: every kind of edit is named at the right link. */
class AuditVerificationTest {

  private final List<ChainLink> links = new ArrayList<>();
  private final Map<String, String> content = new HashMap<>();
  private final Map<String, Long> rowSequence = new HashMap<>();
  private final List<PolicyVersion> versions = new ArrayList<>();
  private final List<PolicyEvent> events = new ArrayList<>();
  private AuditChain.Head head;
  private AuditVerification verification;
  private final NoteKeys.Signer serviceKey =
      NoteKeys.generate("fulcrum.test/log", new SecureRandom());
  private final List<SignedCheckpoint> checkpoints = new ArrayList<>();
  private final Map<NodeId, byte[]> editedNodes = new HashMap<>();

  @BeforeEach
  void chainOfFive() {
    String previous = ContentHash.GENESIS;
    for (int i = 1; i <= 5; i++) {
      String id = "d" + i;
      content.put(id, ContentHash.of(id, "content"));
      rowSequence.put(id, (long) i);
      ChainLink unsealed =
          new ChainLink(
              i,
              ChainLink.DECISION,
              id,
              content.get(id),
              previous,
              null,
              Instant.parse("2026-11-25T12:00:00Z"),
              "decider");
      ChainLink link = withRecordHash(unsealed, unsealed.expectedRecordHash());
      links.add(link);
      previous = link.recordHash();
    }
    head = new AuditChain.Head(5, previous);
    verification = new AuditVerification();
    verification.chain = new InMemoryChain();
    verification.merkle = new InMemoryMerkleLog();
    verification.signer = new CheckpointSigner();
    verification.signer.useKey(serviceKey);
  }

  @Test
  void untouchedChain_isIntact() {
    ChainReport report = verification.verify();
    assertThat(report.intact()).isTrue();
    assertThat(report.checkedRecords()).isEqualTo(5);
    assertThat(report.headHash()).isEqualTo(head.hash());
  }

  @Test
  void editedDecisionRow_isNamedAtItsLink() {
    content.put("d3", ContentHash.of("d3", "edited"));
    ChainReport report = verification.verify();
    assertThat(report.intact()).isFalse();
    assertThat(report.firstBroken().sequence()).isEqualTo(3);
    assertThat(report.firstBroken().subjectId()).isEqualTo("d3");
    assertThat(report.firstBroken().problem()).contains("altered");
  }

  @Test
  void deletedDecisionRow_isNamed() {
    content.remove("d2");
    assertThat(verification.verify().firstBroken().problem()).isEqualTo("decision d2 was deleted");
  }

  @Test
  void deletedAuditRecord_isAGap() {
    links.remove(3);
    ChainReport report = verification.verify();
    assertThat(report.firstBroken().sequence()).isEqualTo(4);
    assertThat(report.firstBroken().problem()).contains("record 4 is missing");
  }

  @Test
  void editedAuditRecord_failsItsOwnHash() {
    ChainLink l = links.get(1);
    links.set(
        1,
        new ChainLink(
            l.sequence(),
            l.kind(),
            l.subjectId(),
            l.contentHash(),
            l.previousHash(),
            l.recordHash(),
            l.recordedAt(),
            "mallory"));
    assertThat(verification.verify().firstBroken().problem()).contains("audit record 2 was edited");
  }

  @Test
  void truncatedTail_isCaughtByTheHead() {
    links.remove(4);
    content.remove("d5");
    rowSequence.remove("d5");
    assertThat(verification.verify().firstBroken().problem()).contains("head names record 5");
  }

  @Test
  void rowInsertedOutsideTheChain_isNamed() {
    content.put("d-extra", "x");
    rowSequence.put("d-extra", 3L);
    ChainReport report = verification.verify();
    assertThat(report.firstBroken().subjectId()).isEqualTo("d-extra");
    assertThat(report.firstBroken().problem())
        .isEqualTo(
            "decision d-extra is stored at sequence 3 but the audit record there does not name"
                + " it: it was inserted outside the chain");
  }

  @Test
  void decisionRowAboveTheHead_isNamed_lowestFirst() {
    content.put("d-far", "x");
    rowSequence.put("d-far", 1005L);
    content.put("d-next", "x");
    rowSequence.put("d-next", 6L);
    ChainReport report = verification.verify();
    assertThat(report.intact()).isFalse();
    assertThat(report.firstBroken().sequence()).isEqualTo(6);
    assertThat(report.firstBroken().subjectId()).isEqualTo("d-next");
    assertThat(report.firstBroken().problem())
        .isEqualTo(
            "decision d-next is stored at sequence 6, above the chain head 5: it was written"
                + " outside the service");
    rowSequence.remove("d-next");
    content.remove("d-next");
    assertThat(verification.verify().firstBroken().subjectId()).isEqualTo("d-far");
  }

  @Test
  void auditRecordAppendedWithoutMovingTheHead_isNamed() {
    ChainLink last = links.get(4);
    ChainLink extra =
        new ChainLink(
            6,
            ChainLink.DECISION,
            "d6",
            ContentHash.of("d6", "content"),
            last.recordHash(),
            null,
            last.recordedAt(),
            "decider");
    links.add(withRecordHash(extra, extra.expectedRecordHash()));
    ChainReport report = verification.verify();
    assertThat(report.firstBroken().kind()).isEqualTo(AuditChain.StoredRow.AUDIT_RECORD);
    assertThat(report.firstBroken().problem())
        .startsWith("audit record 6 is stored at sequence 6, above the chain head 5");
  }

  @Test
  void policyVersionRowDisagreeingWithItsEvents_isNamed() {
    events.add(event(Action.UPLOAD, "alice", "h5", null));
    events.add(event(Action.VALIDATE, "alice", "h5", "{\"passed\":true,\"state\":\"VALIDATED\"}"));
    versions.add(version(PolicyState.VALIDATED, "h5"));
    assertThat(verification.verify().intact()).isTrue();

    versions.set(0, version(PolicyState.APPROVED, "h5"));
    ChainReport report = verification.verify();
    assertThat(report.firstBroken().kind()).isEqualTo(AuditVerification.POLICY_VERSION);
    assertThat(report.firstBroken().subjectId()).isEqualTo("tiered-perps@5");
    assertThat(report.firstBroken().problem())
        .isEqualTo(
            "policy version tiered-perps@5 has state APPROVED but its audited lifecycle events"
                + " make it VALIDATED");

    versions.set(0, version(PolicyState.VALIDATED, "h4"));
    assertThat(verification.verify().firstBroken().problem())
        .isEqualTo(
            "policy version tiered-perps@5 names bundle hash h4 but its audited upload names h5");
  }

  private static PolicyVersion version(PolicyState state, String bundleHash) {
    return new PolicyVersion(
        "tiered-perps", "5", bundleHash, state, "alice", Instant.EPOCH, null, null, null, "{}");
  }

  private static PolicyEvent event(Action action, String actor, String bundleHash, String detail) {
    return new PolicyEvent(
        "e-" + action,
        0,
        action,
        "tiered-perps",
        "5",
        bundleHash,
        actor,
        Instant.EPOCH,
        null,
        "why",
        detail);
  }

  @Test
  void editedPolicyEvent_isNamedAtItsLink() {
    ChainLink sealed =
        new ChainLink(
            6,
            "POLICY_APPROVE",
            "p1",
            ContentHash.of("p1", "approve"),
            head.hash(),
            null,
            Instant.parse("2026-11-25T12:00:01Z"),
            "approver");
    ChainLink link = withRecordHash(sealed, sealed.expectedRecordHash());
    links.add(link);
    content.put("p1", sealed.contentHash());
    rowSequence.put("p1", 6L);
    head = new AuditChain.Head(6, link.recordHash());
    assertThat(verification.verify().intact()).isTrue();

    content.put("p1", ContentHash.of("p1", "approved by the author"));
    ChainReport report = verification.verify();
    assertThat(report.firstBroken().sequence()).isEqualTo(6);
    assertThat(report.firstBroken().problem())
        .contains("policy event POLICY_APPROVE p1 was altered");
  }

  @Test
  void intactChain_reportsTheTreeRootTheRecordsGive_andTheLatestCheckpoint() {
    byte[] root = signCheckpoint(5, serviceKey);
    ChainReport report = verification.verify();
    assertThat(report.intact()).as("%s", report.firstBroken()).isTrue();
    assertThat(report.treeSize()).isEqualTo(5);
    assertThat(report.treeRoot()).isEqualTo(HexFormat.of().formatHex(root));
    assertThat(report.checkpointSize()).isEqualTo(5L);
  }

  @Test
  void editedMerkleNode_isNamed() {
    InMemoryNodeStore store = treeOf(links);
    byte[] edited = store.nodes(List.of(new NodeId(1, 0))).get(new NodeId(1, 0)).clone();
    edited[0] ^= 1;
    editedNodes.put(new NodeId(1, 0), edited);
    ChainReport report = verification.verify();
    assertThat(report.intact()).isFalse();
    assertThat(report.firstBroken().kind()).isEqualTo(TreeCheck.MERKLE_NODE);
    assertThat(report.firstBroken().problem()).contains("node (level 1, index 0) was edited");
  }

  @Test
  void truncatedLog_isCaughtByTheSignedCheckpoint() {
    signCheckpoint(5, serviceKey);
    links.remove(4);
    content.remove("d5");
    rowSequence.remove("d5");
    head = new AuditChain.Head(4, links.get(3).recordHash());
    ChainReport report = verification.verify();
    assertThat(report.intact()).isFalse();
    assertThat(report.firstBroken().kind()).isEqualTo(TreeCheck.CHECKPOINT);
    assertThat(report.firstBroken().problem())
        .contains("checkpoint of 5 leaves is signed but the chain has only 4 records");
  }

  @Test
  void rewrittenLog_underAnEarlierCheckpoint_isCaught() {
    signCheckpoint(5, serviceKey);
    rewriteFrom(3);
    ChainReport report = verification.verify();
    assertThat(report.intact()).isFalse();
    assertThat(report.firstBroken().problem())
        .contains("checkpoint of 5 leaves signs root")
        .contains("the log was rewritten after it was signed");
  }

  @Test
  void rewrittenLog_withAFreshCheckpointSignedByAnotherKey_orUnsigned_isCaught() {
    rewriteFrom(3);
    signCheckpoint(5, NoteKeys.generate("fulcrum.test/log", new SecureRandom()));
    ChainReport report = verification.verify();
    assertThat(report.firstBroken().problem())
        .contains("checkpoint of 5 leaves is not signed by the service key");

    checkpoints.clear();
    byte[] root = treeOf(links).root();
    String unsigned = new Checkpoint("fulcrum.test/log", 5, root).body();
    checkpoints.add(
        new SignedCheckpoint(5, HexFormat.of().formatHex(root), unsigned, Instant.now()));
    assertThat(verification.verify().firstBroken().problem())
        .contains("is not signed by the service key: not a signed note");
  }

  /** An attacker with the database: edits record {@code from}'s row and re-chains the rest. */
  private void rewriteFrom(int from) {
    String previous = links.get(from - 2).recordHash();
    for (int i = from - 1; i < links.size(); i++) {
      ChainLink l = links.get(i);
      String contentHash = l.contentHash();
      if (i == from - 1) {
        contentHash = ContentHash.of(l.subjectId(), "rewritten");
        content.put(l.subjectId(), contentHash);
      }
      ChainLink unsealed =
          new ChainLink(
              l.sequence(),
              l.kind(),
              l.subjectId(),
              contentHash,
              previous,
              null,
              l.recordedAt(),
              l.recordedBy());
      links.set(i, withRecordHash(unsealed, unsealed.expectedRecordHash()));
      previous = links.get(i).recordHash();
    }
    head = new AuditChain.Head(links.size(), previous);
  }

  private byte[] signCheckpoint(long size, NoteKeys.Signer key) {
    byte[] root = treeOf(links.subList(0, (int) size)).root();
    String note = new Checkpoint(key.name(), size, root).sign(key);
    checkpoints.add(
        new SignedCheckpoint(size, HexFormat.of().formatHex(root), note, Instant.now()));
    return root;
  }

  private static InMemoryNodeStore treeOf(List<ChainLink> chain) {
    InMemoryNodeStore store = new InMemoryNodeStore();
    chain.forEach(l -> store.appendLeafHash(MerkleLog.leafOf(l).leafHash()));
    return store;
  }

  /** The stored tree: what the service would have built from the records, plus edits. */
  private final class InMemoryMerkleLog implements MerkleLog {
    @Override
    public Map<NodeId, byte[]> nodes(Collection<NodeId> ids) {
      Map<NodeId, byte[]> out = new HashMap<>(treeOf(links).nodes(ids));
      editedNodes.forEach((id, hash) -> out.computeIfPresent(id, (k, v) -> hash));
      return out;
    }

    @Override
    public TreeHead treeHead() {
      InMemoryNodeStore store = treeOf(links);
      return new TreeHead(store.size(), HexFormat.of().formatHex(store.root()));
    }

    @Override
    public Optional<SignedCheckpoint> latestCheckpoint() {
      return checkpoints.isEmpty()
          ? Optional.empty()
          : Optional.of(checkpoints.get(checkpoints.size() - 1));
    }

    @Override
    public List<SignedCheckpoint> checkpoints() {
      return List.copyOf(checkpoints);
    }

    @Override
    public boolean store(SignedCheckpoint checkpoint) {
      return checkpoints.add(checkpoint);
    }

    @Override
    public Optional<DecisionLeaf> decisionLeaf(String decisionId) {
      return Optional.empty();
    }

    @Override
    public void catchUp() {}
  }

  private static ChainLink withRecordHash(ChainLink l, String hash) {
    return new ChainLink(
        l.sequence(),
        l.kind(),
        l.subjectId(),
        l.contentHash(),
        l.previousHash(),
        hash,
        l.recordedAt(),
        l.recordedBy());
  }

  private final class InMemoryChain implements AuditChain {
    @Override
    public List<ChainLink> links(long afterSequence, int limit) {
      return links.stream().filter(l -> l.sequence() > afterSequence).limit(limit).toList();
    }

    @Override
    public Head head() {
      return head;
    }

    @Override
    public Map<String, String> currentContentHashes(String kind, Set<String> subjectIds) {
      Map<String, String> out = new HashMap<>();
      subjectIds.stream().filter(content::containsKey).forEach(id -> out.put(id, content.get(id)));
      return out;
    }

    @Override
    public Snapshot snapshot() {
      return new Snapshot(head, rowsAbove(head.sequence()), versions, events);
    }

    private List<StoredRow> rowsAbove(long sequence) {
      List<StoredRow> rows = new ArrayList<>();
      links.stream()
          .filter(l -> l.sequence() > sequence)
          .findFirst()
          .ifPresent(l -> rows.add(new StoredRow(StoredRow.AUDIT_RECORD, l.sequence(), null)));
      rowSequence.entrySet().stream()
          .filter(r -> r.getValue() > sequence)
          .min(Map.Entry.comparingByValue())
          .ifPresent(r -> rows.add(new StoredRow(kindOf(r.getKey()), r.getValue(), r.getKey())));
      return rows;
    }

    @Override
    public Optional<StoredRow> firstUnsealed(String kind, long upToSequence) {
      return rowSequence.entrySet().stream()
          .filter(
              r ->
                  kindOf(r.getKey())
                      .equals(kind.startsWith("POLICY") ? StoredRow.POLICY_EVENT : kind))
          .filter(r -> r.getValue() <= upToSequence)
          .filter(
              r ->
                  links.stream()
                      .noneMatch(
                          l -> l.sequence() == r.getValue() && l.subjectId().equals(r.getKey())))
          .min(Map.Entry.comparingByValue())
          .map(r -> new StoredRow(kindOf(r.getKey()), r.getValue(), r.getKey()));
    }

    private static String kindOf(String id) {
      return id.startsWith("p") ? StoredRow.POLICY_EVENT : ChainLink.DECISION;
    }
  }
}

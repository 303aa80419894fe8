package io.fulcrum.admin.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.admin.application.PolicyEvent.Action;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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

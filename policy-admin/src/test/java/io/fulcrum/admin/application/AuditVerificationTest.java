package io.fulcrum.admin.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chain rules, on an in-memory chain: every kind of edit is named at the right link. */
class AuditVerificationTest {

  private final List<ChainLink> links = new ArrayList<>();
  private final Map<String, String> content = new HashMap<>();
  private AuditChain.Head head;
  private AuditVerification verification;

  @BeforeEach
  void chainOfFive() {
    String previous = ContentHash.GENESIS;
    for (int i = 1; i <= 5; i++) {
      String id = "d" + i;
      content.put(id, ContentHash.of(id, "content"));
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
    assertThat(verification.verify().firstBroken().problem()).contains("head names record 5");
  }

  @Test
  void rowInsertedOutsideTheChain_isCounted() {
    content.put("d-extra", "x");
    assertThat(verification.verify().firstBroken().problem())
        .contains("inserted outside the chain");
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
    public long subjectCount(String kind, long upToSequence) {
      boolean policy = ChainLink.POLICY_PREFIX.equals(ChainLink.family(kind));
      return content.keySet().stream().filter(id -> id.startsWith("p") == policy).count();
    }
  }
}

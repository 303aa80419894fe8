package io.fulcrum.admin.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The per-read check that a row is covered by the chain, against every way it can fail. */
class ChainSealTest {

  private static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");
  private static final String CONTENT = ContentHash.of("d7", "content");

  private final ChainLink seven = link(7, "d7", CONTENT, ContentHash.of("record 6"));
  private final ChainLink eight = link(8, "d8", ContentHash.of("d8"), seven.recordHash());
  private final AuditChain.Head head = new AuditChain.Head(8, eight.recordHash());

  @Test
  void sealedRow_isCovered_inTheMiddleAndAtTheHead() {
    assertThat(problem(7, CONTENT, seven, eight, head)).isNull();
    assertThat(problem(7, CONTENT, seven, null, new AuditChain.Head(7, seven.recordHash())))
        .isNull();
  }

  @Test
  void rowAboveTheHead_isRefused_evenWithARecord() {
    assertThat(problem(9, CONTENT, seven, null, head))
        .isEqualTo("decision d7 is stored at sequence 9, above the chain head 8");
  }

  @Test
  void rowWithoutARecord_orNamedByAnotherRecord_isRefused() {
    assertThat(problem(7, CONTENT, null, eight, head)).contains("where the chain has no record");
    assertThat(problem(7, CONTENT, link(7, "d-other", CONTENT, seven.previousHash()), eight, head))
        .contains("the chain's record there is for DECISION d-other");
  }

  @Test
  void alteredRow_isRefused() {
    assertThat(problem(7, ContentHash.of("d7", "edited"), seven, eight, head))
        .isEqualTo(
            "decision d7 was altered after it was stored (its content no longer matches its seal)");
  }

  @Test
  void recordEditedOrReplaced_isRefused() {
    ChainLink edited =
        new ChainLink(
            7,
            ChainLink.DECISION,
            "d7",
            CONTENT,
            seven.previousHash(),
            seven.recordHash(),
            AT,
            "mallory");
    assertThat(problem(7, CONTENT, edited, eight, head)).contains("sealing decision d7 was edited");
    ChainLink rehashed = link(7, "d7", CONTENT, ContentHash.of("forged previous"));
    assertThat(problem(7, CONTENT, rehashed, eight, head)).contains("is not linked into the chain");
    assertThat(problem(7, CONTENT, seven, null, head)).contains("is not linked into the chain");
  }

  private static String problem(
      long sequence, String content, ChainLink link, ChainLink next, AuditChain.Head head) {
    return ChainSeal.problem(
        "decision d7", ChainLink.DECISION, "d7", sequence, content, link, next, head);
  }

  private static ChainLink link(long sequence, String subject, String content, String previous) {
    ChainLink unsealed =
        new ChainLink(
            sequence, ChainLink.DECISION, subject, content, previous, null, AT, "decider");
    return new ChainLink(
        sequence,
        ChainLink.DECISION,
        subject,
        content,
        previous,
        unsealed.expectedRecordHash(),
        AT,
        "decider");
  }
}

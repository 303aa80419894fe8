package io.fulcrum.admin.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.admin.application.PolicyEvent.Action;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventQueryTest {

  private static PolicyEvent event(long sequence, Action action, String policy) {
    return new PolicyEvent(
        "e" + sequence,
        sequence,
        action,
        policy,
        "1",
        "hash",
        "author",
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(sequence),
        null,
        "reason " + sequence,
        null);
  }

  private static final List<PolicyEvent> CHAIN =
      List.of(
          event(1, Action.IMPORT, "a"),
          event(2, Action.UPLOAD, "b"),
          event(3, Action.VALIDATE, "b"),
          event(4, Action.APPROVE, "b"),
          event(5, Action.ACTIVATE, "b"),
          event(6, Action.UPLOAD, "a"));

  private static List<Long> sequences(Page<PolicyEvent> page) {
    return page.items().stream().map(PolicyEvent::sequence).toList();
  }

  @Test
  void everything_isListedNewestFirst_inPages() {
    EventQuery all = EventQuery.of(null, "");
    Page<PolicyEvent> first = all.page(CHAIN, 0, 4);
    assertThat(sequences(first)).containsExactly(6L, 5L, 4L, 3L);
    assertThat(first.total()).isEqualTo(6);
    assertThat(sequences(all.page(CHAIN, 1, 4))).containsExactly(2L, 1L);
    assertThat(sequences(all.page(CHAIN, 2, 4))).isEmpty();
    assertThat(all.page(CHAIN, 2, 4).total()).isEqualTo(6);
  }

  @Test
  void policyAndAction_filterTogether() {
    assertThat(sequences(EventQuery.of("b", null).page(CHAIN, 0, 50)))
        .containsExactly(5L, 4L, 3L, 2L);
    assertThat(sequences(EventQuery.of("a", "UPLOAD").page(CHAIN, 0, 50))).containsExactly(6L);
    assertThat(sequences(EventQuery.of(null, "UPLOAD").page(CHAIN, 0, 50))).containsExactly(6L, 2L);
    assertThat(EventQuery.of("c", null).page(CHAIN, 0, 50).total()).isZero();
  }

  @Test
  void anUnknownAction_isRefusedNamingTheParameter() {
    assertThatThrownBy(() -> EventQuery.of(null, "approve"))
        .isInstanceOfSatisfying(
            InvalidParameter.class, e -> assertThat(e.field()).isEqualTo("action"))
        .hasMessageContaining("APPROVE")
        .hasMessageContaining("'approve'");
  }
}

package io.fulcrum.admin.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.admin.application.PolicyEvent.Action;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A version's state, bundle hash and author as its sealed lifecycle events make them. */
class PolicyVersionSealTest {

  private static final String PASSED = "{\"passed\":true,\"state\":\"VALIDATED\"}";
  private static final String FAILED = "{\"passed\":false,\"state\":\"DRAFT\"}";

  @Test
  void uploadValidateReview_giveTheStates() {
    List<PolicyEvent> events = new ArrayList<>();
    events.add(event(Action.UPLOAD, "alice", "h1", null));
    assertThat(state(events)).isEqualTo(PolicyState.DRAFT);
    events.add(event(Action.VALIDATE, "alice", "h1", FAILED));
    assertThat(state(events)).isEqualTo(PolicyState.DRAFT);
    events.add(event(Action.UPLOAD, "carol", "h2", null));
    events.add(event(Action.VALIDATE, "carol", "h2", PASSED));
    assertThat(PolicyVersionSeal.of(events).orElseThrow())
        .isEqualTo(
            new PolicyVersionSeal.Sealed("tiered-perps@5", PolicyState.VALIDATED, "h2", "carol"));
    events.add(event(Action.SHADOW_ON, "bob", "h2", null));
    assertThat(state(events)).isEqualTo(PolicyState.VALIDATED);
    events.add(event(Action.APPROVE, "bob", "h2", null));
    events.add(event(Action.ACTIVATE, "bob", "h2", null));
    assertThat(state(events)).isEqualTo(PolicyState.APPROVED);

    List<PolicyEvent> rejected = new ArrayList<>(events.subList(0, 4));
    rejected.add(event(Action.REJECT, "bob", "h2", null));
    assertThat(state(rejected)).isEqualTo(PolicyState.REJECTED);
    assertThat(state(List.of(event(Action.IMPORT, "system", "h0", null))))
        .isEqualTo(PolicyState.APPROVED);
  }

  @Test
  void approvalByTheAuthor_doesNotCount() {
    List<PolicyEvent> events =
        List.of(
            event(Action.UPLOAD, "alice", "h1", null),
            event(Action.VALIDATE, "alice", "h1", PASSED),
            event(Action.APPROVE, "alice", "h1", null));
    assertThat(state(events)).isEqualTo(PolicyState.VALIDATED);
  }

  @Test
  void rowMustAgreeInStateBundleHashAndAuthor() {
    List<PolicyEvent> events =
        List.of(
            event(Action.UPLOAD, "alice", "h1", null),
            event(Action.VALIDATE, "alice", "h1", PASSED));
    assertThat(PolicyVersionSeal.problem(row(PolicyState.VALIDATED, "h1", "alice"), events))
        .isNull();
    assertThat(PolicyVersionSeal.problem(row(PolicyState.APPROVED, "h1", "alice"), events))
        .isEqualTo(
            "policy version tiered-perps@5 has state APPROVED but its audited lifecycle events"
                + " make it VALIDATED");
    assertThat(PolicyVersionSeal.problem(row(PolicyState.VALIDATED, "h9", "alice"), events))
        .contains("names bundle hash h9 but its audited upload names h1");
    assertThat(PolicyVersionSeal.problem(row(PolicyState.VALIDATED, "h1", "bob"), events))
        .contains("names author bob but was uploaded by alice");
    assertThat(PolicyVersionSeal.problem(row(PolicyState.APPROVED, "h1", "alice"), List.of()))
        .contains("has no audited upload or import");
  }

  private static PolicyState state(List<PolicyEvent> events) {
    return PolicyVersionSeal.of(events).orElseThrow().state();
  }

  private static PolicyVersion row(PolicyState state, String hash, String author) {
    return new PolicyVersion(
        "tiered-perps", "5", hash, state, author, Instant.EPOCH, null, null, null, "{}");
  }

  private static PolicyEvent event(Action action, String actor, String hash, String detail) {
    return new PolicyEvent(
        "e", 1, action, "tiered-perps", "5", hash, actor, Instant.EPOCH, null, "why", detail);
  }
}

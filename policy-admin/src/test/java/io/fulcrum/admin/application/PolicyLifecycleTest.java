package io.fulcrum.admin.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.admin.application.ActivationTimeline.Activation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state machine and the activation timeline, without storage. */
class PolicyLifecycleTest {

  private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

  private static PolicyVersion version(PolicyState state) {
    return new PolicyVersion("tiered-perps", "3", "h", state, "alice", T0, null, null, null, "{}");
  }

  @Test
  void upload_validatesOrStaysDraft_andOnlyADraftMayBeReplaced() {
    assertThat(PolicyLifecycle.afterUpload(null, true, "v")).isEqualTo(PolicyState.VALIDATED);
    assertThat(PolicyLifecycle.afterUpload(null, false, "v")).isEqualTo(PolicyState.DRAFT);
    assertThat(PolicyLifecycle.afterUpload(PolicyState.DRAFT, true, "v"))
        .isEqualTo(PolicyState.VALIDATED);
    for (PolicyState s :
        List.of(PolicyState.VALIDATED, PolicyState.APPROVED, PolicyState.REJECTED)) {
      assertThatThrownBy(() -> PolicyLifecycle.afterUpload(s, true, "tiered-perps@3"))
          .isInstanceOf(LifecycleRefused.class)
          .hasMessageContaining("new version");
    }
  }

  @Test
  void review_needsAnotherUser_andAValidatedVersion() {
    assertThatThrownBy(
            () -> PolicyLifecycle.afterReview(version(PolicyState.VALIDATED), "alice", true))
        .isInstanceOf(FourEyesViolation.class)
        .hasMessageContaining("four eyes");
    assertThat(PolicyLifecycle.afterReview(version(PolicyState.VALIDATED), "bob", true))
        .isEqualTo(PolicyState.APPROVED);
    assertThat(PolicyLifecycle.afterReview(version(PolicyState.VALIDATED), "bob", false))
        .isEqualTo(PolicyState.REJECTED);
    assertThatThrownBy(() -> PolicyLifecycle.afterReview(version(PolicyState.DRAFT), "bob", true))
        .isInstanceOf(LifecycleRefused.class)
        .hasMessageContaining("only a VALIDATED version");
    assertThatThrownBy(
            () -> PolicyLifecycle.afterReview(version(PolicyState.APPROVED), "bob", false))
        .isInstanceOf(LifecycleRefused.class);
  }

  @Test
  void onlyApprovedVersions_areActivatable_andDecidable() {
    PolicyLifecycle.checkActivatable(version(PolicyState.APPROVED));
    for (PolicyState s : List.of(PolicyState.DRAFT, PolicyState.VALIDATED, PolicyState.REJECTED)) {
      assertThatThrownBy(() -> PolicyLifecycle.checkActivatable(version(s)))
          .isInstanceOf(LifecycleRefused.class);
      assertThat(s.decidable()).isFalse();
    }
    assertThat(PolicyState.APPROVED.decidable()).isTrue();
    assertThatThrownBy(() -> PolicyLifecycle.required(" ", "reason"))
        .isInstanceOf(InvalidParameter.class)
        .hasMessage("reason is required: say why");
  }

  @Test
  void timeline_switchesAtTheEffectiveInstant_andRollsBackToThePreviousVersion() {
    ActivationTimeline t =
        ActivationTimeline.of(
            List.of(
                new Activation("p@2", T0, 1, false),
                new Activation("p@3", T0.plusSeconds(3600), 5, false)));
    assertThat(t.activeAt(T0.minusSeconds(1))).isEmpty();
    assertThat(t.activeAt(T0.plusSeconds(3599))).contains("p@2");
    assertThat(t.activeAt(T0.plusSeconds(3600))).contains("p@3");
    assertThat(t.scheduledAfter(T0)).extracting(Activation::ref).containsExactly("p@3");
    assertThat(t.previousAt(T0.plusSeconds(3600))).contains("p@2");
    assertThat(t.previousAt(T0)).isEmpty();
    assertThat(t.wasActiveBy("p@2", T0.plusSeconds(7200))).isTrue();
    assertThat(t.wasActiveBy("p@3", T0)).isFalse();

    ActivationTimeline rolledBack =
        ActivationTimeline.of(
            List.of(
                new Activation("p@2", T0, 1, false),
                new Activation("p@3", T0.plusSeconds(3600), 5, false),
                new Activation("p@2", T0.plusSeconds(3600), 6, true)));
    assertThat(rolledBack.activeAt(T0.plusSeconds(3600))).contains("p@2");
  }
}

package io.fulcrum.admin.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.admin.application.PolicyEvent.Action;
import io.fulcrum.engine.policy.PolicyNotFound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the engine lets decide, from the sealed lifecycle events alone (no compilation: every case
 * here is refused before a version is loaded; the active version has no stored row, so compiling it
 * ahead on reload fails quietly).
 */
class PolicyEngineTest {

  private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
  private static final String PASSED = "{\"passed\":true,\"state\":\"VALIDATED\"}";

  private final List<PolicyEvent> sealed = new ArrayList<>();
  private final List<PolicyStore.EventLog.Unsealed> unsealed = new ArrayList<>();
  private final PolicyEngine engine = new PolicyEngine();

  @BeforeEach
  void importedAndActive() {
    sealed.add(event(Action.IMPORT, "1", "system", null));
    sealed.add(event(Action.ACTIVATE, "1", "system", null));
    sealed.add(event(Action.UPLOAD, "5", "alice", null));
    sealed.add(event(Action.VALIDATE, "5", "alice", PASSED));
    engine.store = new EventsOnly();
    engine.clock = new ServiceClock();
  }

  @Test
  void validatedVersion_isRefused_onEveryResolve() {
    engine.reload();
    assertThat(engine.activeRef()).isEqualTo("tiered-perps@1");
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> engine.resolve("tiered-perps@5"))
          .isInstanceOf(PolicyNotFound.class)
          .hasMessageContaining("version is VALIDATED, not approved");
    }
  }

  @Test
  void approvalByTheAuthorOrAfterRejection_neverMakesAVersionDecidable() {
    sealed.add(event(Action.APPROVE, "5", "alice", null));
    engine.reload();
    assertThatThrownBy(() -> engine.resolve("tiered-perps@5")).hasMessageContaining("VALIDATED");
    sealed.add(event(Action.REJECT, "5", "bob", null));
    engine.reload();
    assertThatThrownBy(() -> engine.resolve("tiered-perps@5")).hasMessageContaining("REJECTED");
    assertThatThrownBy(() -> engine.candidate("tiered-perps@5")).hasMessageContaining("REJECTED");
  }

  @Test
  void unsealedActivation_stopsLiveDecisions_butAnUnsealedUploadDoesNot() {
    unsealed.add(new PolicyStore.EventLog.Unsealed("UPLOAD", "policy event x was altered"));
    engine.reload();
    assertThat(engine.activeRef()).isEqualTo("tiered-perps@1");

    unsealed.add(new PolicyStore.EventLog.Unsealed("ACTIVATE", "policy event y was altered"));
    engine.reload();
    assertThatThrownBy(engine::activeRef)
        .isInstanceOf(ChainIntegrityFault.class)
        .hasMessageContaining("the active policy version cannot be determined")
        .hasMessageContaining("policy event y was altered");
    assertThatThrownBy(() -> engine.resolve(null)).isInstanceOf(ChainIntegrityFault.class);
  }

  private PolicyEvent event(Action action, String version, String actor, String detail) {
    return new PolicyEvent(
        "e" + sealed.size(),
        sealed.size() + 1,
        action,
        "tiered-perps",
        version,
        "h" + version,
        actor,
        T0,
        action == Action.ACTIVATE ? T0 : null,
        "why",
        detail);
  }

  /** A store that only has events; anything else would mean a version was loaded. */
  private final class EventsOnly implements PolicyStore {
    @Override
    public EventLog eventLog() {
      return new EventLog(sealed, unsealed);
    }

    @Override
    public List<PolicyEvent> events(String policyId, String version) {
      throw new AssertionError("not expected");
    }

    @Override
    public List<PolicyEvent> events(List<Action> actions) {
      throw new AssertionError("not expected");
    }

    /**
     * Nothing stored for the active version 1 (reload compiles it ahead of use and, finding no row,
     * leaves it to fail on use); a refused version must never be read.
     */
    @Override
    public Optional<PolicyVersion> find(String policyId, String version) {
      if ("1".equals(version)) {
        return Optional.empty();
      }
      throw new AssertionError("a refused version must not be loaded");
    }

    @Override
    public List<PolicyVersion> versions(String policyId) {
      throw new AssertionError("not expected");
    }

    @Override
    public Map<String, byte[]> files(String bundleHash) {
      throw new AssertionError("a refused version must not be loaded");
    }

    @Override
    public boolean isEmpty() {
      return false;
    }

    @Override
    public List<PolicyEvent> record(Change change) {
      throw new AssertionError("not expected");
    }

    @Override
    public void recordShadowDifference(ShadowDifference difference) {
      throw new AssertionError("not expected");
    }

    @Override
    public Page<ShadowDifference> shadowDifferences(int page, int size) {
      throw new AssertionError("not expected");
    }
  }
}

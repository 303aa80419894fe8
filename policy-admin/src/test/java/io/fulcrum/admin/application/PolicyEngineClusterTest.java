package io.fulcrum.admin.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.admin.application.PolicyEvent.Action;
import io.fulcrum.engine.policy.PolicyBundle;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.policy.PolicySource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The policy engine's cluster hooks (README, "Cluster"): an immediate activation takes effect a set
 * delay ahead; a reload made here is announced (with the revision it read) and one caused by
 * another member is not; a member decides live only within its lease after its last check against
 * the database. Uses the shipped tiered-perps bundles 1 and 2 and a clock the test sets.
 */
class PolicyEngineClusterTest {

  private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
  private static final PolicySource SHIPPED = PolicySource.of(PolicySource.SHIPPED);

  private final PolicyBundle one = SHIPPED.load(PolicyRef.of("tiered-perps", "1"));
  private final PolicyBundle two = SHIPPED.load(PolicyRef.of("tiered-perps", "2"));
  private final List<PolicyEvent> sealed = new ArrayList<>();
  private final Map<String, PolicyState> rows = new HashMap<>();
  private final PolicyEngine engine = new PolicyEngine();
  private final List<Long> announced = new ArrayList<>();
  private Instant now = T0;

  PolicyEngineClusterTest() {
    event(Action.IMPORT, one, null);
    event(Action.IMPORT, two, null);
    event(Action.ACTIVATE, one, T0);
    rows.put("1", PolicyState.APPROVED);
    rows.put("2", PolicyState.APPROVED);
    engine.store = new Stored();
    engine.clock =
        new ServiceClock() {
          @Override
          public Instant instant() {
            return now;
          }
        };
  }

  @Test
  void singleService_activatesNow_andHasNoLease() {
    engine.reload();
    assertThat(engine.immediate(T0)).isEqualTo(T0);
    assertThat(engine.resolve(null, T0.plus(Duration.ofDays(1))).stamp().ref())
        .isEqualTo("tiered-perps@1");
  }

  @Test
  void immediateActivation_isTheDelayAhead_andEveryMemberSwitchesAtThatInstant() {
    engine.joinCluster(Duration.ofSeconds(3), Duration.ofSeconds(2), announced::add);
    engine.reload();
    assertThat(announced).containsExactly(3L);
    assertThat(engine.revision()).isEqualTo(3);
    Instant effective = engine.immediate(T0);
    assertThat(effective).isEqualTo(T0.plusSeconds(3));

    // Another member recorded the activation; this one reloads on its message.
    event(Action.ACTIVATE, two, effective);
    now = T0.plusMillis(200);
    engine.refresh();
    assertThat(announced).containsExactly(3L); // a reload caused elsewhere is not announced again
    assertThat(engine.revision()).isEqualTo(4);
    assertThat(engine.syncedAt()).isEqualTo(T0.plusMillis(200));
    engine.synced(T0.plusSeconds(2)); // the periodic check, 1.8 s later, found nothing new
    assertThat(engine.resolve(null, effective.minusNanos(1000)).stamp().ref())
        .isEqualTo("tiered-perps@1");
    assertThat(engine.resolve(null, effective).stamp().ref()).isEqualTo("tiered-perps@2");
    assertThat(engine.resolve("tiered-perps", effective).stamp().ref()).isEqualTo("tiered-perps@2");
  }

  @Test
  void liveDecisions_areRefusedPastTheLease_untilTheNextCheck() {
    engine.joinCluster(Duration.ofSeconds(3), Duration.ofSeconds(2), announced::add);
    engine.reload(); // synced at T0
    assertThat(engine.resolve(null, T0.plusMillis(1999)).stamp().ref()).isEqualTo("tiered-perps@1");
    assertThatThrownBy(() -> engine.resolve(null, T0.plusSeconds(2)))
        .isInstanceOf(PolicyStateStale.class)
        .hasMessageContaining("last confirmed its policy state at " + T0);
    // A pinned version does not depend on the activation timeline.
    assertThat(engine.resolve("tiered-perps@2", T0.plusSeconds(5)).stamp().ref())
        .isEqualTo("tiered-perps@2");
    engine.synced(T0.plusSeconds(4));
    assertThat(engine.resolve(null, T0.plusSeconds(5)).stamp().ref()).isEqualTo("tiered-perps@1");
    engine.synced(T0); // an older check does not move it back
    assertThat(engine.syncedAt()).isEqualTo(T0.plusSeconds(4));
  }

  private void event(Action action, PolicyBundle bundle, Instant effectiveAt) {
    String version = bundle.manifest().version();
    sealed.add(
        new PolicyEvent(
            "e" + sealed.size(),
            sealed.size() + 1,
            action,
            "tiered-perps",
            version,
            bundle.hash(),
            "system",
            T0,
            effectiveAt,
            "why",
            null));
  }

  /** The two versions' rows (state as the events make it) and content. */
  private final class Stored implements PolicyStore {
    @Override
    public EventLog eventLog() {
      return new EventLog(sealed, List.of());
    }

    @Override
    public Optional<PolicyVersion> find(String policyId, String version) {
      PolicyBundle b = "1".equals(version) ? one : two;
      return Optional.of(
          new PolicyVersion(
              policyId, version, b.hash(), rows.get(version), "x", T0, null, null, null, null));
    }

    @Override
    public Map<String, byte[]> files(String bundleHash) {
      return (bundleHash.equals(one.hash()) ? one : two).files();
    }

    @Override
    public List<PolicyEvent> events(String policyId, String version) {
      throw new AssertionError("not expected");
    }

    @Override
    public List<PolicyEvent> events(List<Action> actions) {
      throw new AssertionError("not expected");
    }

    @Override
    public List<PolicyVersion> versions(String policyId) {
      throw new AssertionError("not expected");
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

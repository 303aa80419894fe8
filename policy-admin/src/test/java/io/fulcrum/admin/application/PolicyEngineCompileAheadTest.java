package io.fulcrum.admin.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.admin.application.PolicyEvent.Action;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyBundle;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.policy.PolicySource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A version is compiled when it becomes decidable or active (on reload, before the new state is
 * served), not by the first decision that asks for it; compiled versions survive later reloads.
 * Uses the shipped tiered-perps bundles 1 and 2.
 */
class PolicyEngineCompileAheadTest {

  private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
  private static final PolicySource SHIPPED = PolicySource.of(PolicySource.SHIPPED);

  private final PolicyBundle one = SHIPPED.load(PolicyRef.of("tiered-perps", "1"));
  private final PolicyBundle two = SHIPPED.load(PolicyRef.of("tiered-perps", "2"));
  private final List<PolicyEvent> sealed = new ArrayList<>();
  private final Map<String, PolicyState> rows = new HashMap<>();
  private final PolicyEngine engine = new PolicyEngine();

  @Test
  void activatedVersion_isCompiledOnReload_andTheOtherOneIsKept() {
    event(Action.IMPORT, one, "system", null);
    event(Action.ACTIVATE, one, "system", null);
    event(Action.UPLOAD, two, "alice", null);
    event(Action.VALIDATE, two, "alice", "{\"passed\":true,\"state\":\"VALIDATED\"}");
    rows.put("1", PolicyState.APPROVED);
    rows.put("2", PolicyState.VALIDATED);
    engine.store = new Stored();
    engine.clock = new ServiceClock();

    engine.reload();
    CompiledPolicy active = engine.compiledNow("tiered-perps@1").orElseThrow();
    assertThat(engine.compiledNow("tiered-perps@2")).isEmpty();

    // Approval alone compiles nothing: a version neither active nor scheduled is compiled (and its
    // stored row and content checked) on the decision that names it, as before.
    event(Action.APPROVE, two, "bob", null);
    rows.put("2", PolicyState.APPROVED);
    engine.reload();
    assertThat(engine.compiledNow("tiered-perps@2")).isEmpty();
    assertThat(engine.compiledNow("tiered-perps@1")).containsSame(active);

    // Activation compiles it before the new timeline is served.
    event(Action.ACTIVATE, two, "bob", null);
    engine.reload();
    CompiledPolicy activated = engine.compiledNow("tiered-perps@2").orElseThrow();
    assertThat(activated.stamp().hash()).isEqualTo(two.hash());
    assertThat(engine.resolve(null)).isSameAs(activated);
    assertThat(engine.compiledNow("tiered-perps@1")).containsSame(active);
  }

  private void event(Action action, PolicyBundle bundle, String actor, String detail) {
    String version = bundle.manifest().version();
    sealed.add(
        new PolicyEvent(
            "e" + sealed.size(),
            sealed.size() + 1,
            action,
            "tiered-perps",
            version,
            bundle.hash(),
            actor,
            T0,
            action == Action.ACTIVATE ? T0 : null,
            "why",
            detail));
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

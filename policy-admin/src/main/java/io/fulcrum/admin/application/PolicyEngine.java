package io.fulcrum.admin.application;

import io.fulcrum.admin.application.ActivationTimeline.Activation;
import io.fulcrum.admin.application.PolicyEvent.Action;
import io.fulcrum.engine.decision.PolicyStamp;
import io.fulcrum.engine.measure.RiskMeasures;
import io.fulcrum.engine.policy.BundleReader;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyBundle;
import io.fulcrum.engine.policy.PolicyCompiler;
import io.fulcrum.engine.policy.PolicyNotFound;
import io.fulcrum.engine.policy.PolicyRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine over the stored policy versions: which version is active now (from the audited
 * activation timeline and the {@link ServiceClock}), the latest approved version of each policy,
 * the shadow candidate, and compiled policies cached per version.
 *
 * <p>The timeline is held in memory and reloaded after every lifecycle change, so resolving the
 * active version costs no database access; a decision resolves its version once, at its start, and
 * finishes on it even if an activation takes effect meanwhile.
 */
@ApplicationScoped
public class PolicyEngine {

  /** The shadow candidate attached to the active version {@code attachedTo}. */
  public record Shadow(String candidateRef, String attachedTo, BigDecimal tolerance) {}

  @Inject PolicyStore store;

  @Inject ServiceClock clock;

  private final PolicyCompiler compiler = new PolicyCompiler(RiskMeasures.load());
  private final Map<String, CompiledPolicy> compiled = new ConcurrentHashMap<>();
  private volatile ActivationTimeline timeline = ActivationTimeline.of(List.of());
  private volatile Map<String, String> latestDecidable = Map.of();
  private volatile Shadow shadow;

  /** Re-reads the activation timeline, the approved versions and the shadow setting. */
  public synchronized void reload() {
    timeline =
        ActivationTimeline.of(
            store.events(List.of(Action.ACTIVATE, Action.ROLLBACK)).stream()
                .map(
                    e ->
                        new Activation(
                            e.ref(), e.effectiveAt(), e.sequence(), e.action() == Action.ROLLBACK))
                .toList());
    Map<String, String> latest = new HashMap<>();
    for (PolicyVersion v : store.versions(null)) {
      if (v.storedState().decidable()) {
        latest.merge(
            v.policyId(), v.version(), (a, b) -> PolicyVersions.ORDER.compare(a, b) >= 0 ? a : b);
      }
    }
    latestDecidable = Map.copyOf(latest);
    List<PolicyEvent> shadows = store.events(List.of(Action.SHADOW_ON, Action.SHADOW_OFF));
    PolicyEvent last = shadows.isEmpty() ? null : shadows.get(shadows.size() - 1);
    shadow =
        last == null || last.action() == Action.SHADOW_OFF
            ? null
            : new Shadow(
                last.ref(),
                ShadowSettings.attachedTo(last.detail()),
                ShadowSettings.tolerance(last.detail()));
  }

  public ActivationTimeline timeline() {
    return timeline;
  }

  public PolicyCompiler compiler() {
    return compiler;
  }

  /** The reference of the version active now. */
  public String activeRef() {
    return timeline
        .activeAt(clock.instant())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no policy version is active (the start-up import activates one)"));
  }

  /** The active policy version, compiled. */
  public CompiledPolicy active() {
    return compiled(activeRef());
  }

  /** The shadow candidate, if one is attached to the version active now. */
  public Optional<Shadow> shadowNow() {
    Shadow s = shadow;
    return s != null && s.attachedTo().equals(activeRef())
        ? Optional.of(s)
        : Optional.ofNullable(null);
  }

  /** The shadow setting as stored, whether or not its active version is still active. */
  public Optional<Shadow> shadowSetting() {
    return Optional.ofNullable(shadow);
  }

  /**
   * The referenced policy: null or blank means the active version; {@code id} alone the active
   * version if that policy is active, else its latest approved version; {@code id@version} exactly
   * that version, which must be approved (or active, or retired).
   *
   * @throws IllegalArgumentException for a malformed reference
   * @throws PolicyNotFound for an unknown id or a version that is not approved
   */
  public CompiledPolicy resolve(String ref) {
    if (ref == null || ref.isBlank()) {
      return active();
    }
    PolicyRef parsed = PolicyRef.parse(ref);
    if (parsed.version().isEmpty()) {
      String active = activeRef();
      if (active.startsWith(parsed.id() + "@")) {
        return compiled(active);
      }
      String latest = latestDecidable.get(parsed.id());
      if (latest == null) {
        throw new PolicyNotFound(
            parsed.id(),
            "no approved version of this policy; known: "
                + latestDecidable.keySet().stream().sorted().toList());
      }
      return compiled(parsed.id() + "@" + latest);
    }
    return compiled(parsed.toString());
  }

  /** Exactly the version a decision was taken under (its bundle hash is compared by callers). */
  public CompiledPolicy exact(PolicyStamp stamp) {
    return compiled(stamp.ref());
  }

  /** A stored version that compiled (VALIDATED or later), for shadow evaluation. */
  public CompiledPolicy candidate(String ref) {
    return compiled.computeIfAbsent(ref, r -> compile(version(r)));
  }

  private CompiledPolicy compiled(String ref) {
    CompiledPolicy c = compiled.get(ref);
    if (c != null) {
      return c;
    }
    PolicyVersion v = version(ref);
    if (!v.storedState().decidable()) {
      throw new PolicyNotFound(
          ref,
          "version is " + v.storedState() + ", not approved: decisions need an approved version");
    }
    return compiled.computeIfAbsent(ref, r -> compile(v));
  }

  private PolicyVersion version(String ref) {
    PolicyRef parsed = PolicyRef.parse(ref);
    String version = parsed.version().orElseThrow();
    return store
        .find(parsed.id(), version)
        .orElseThrow(() -> new PolicyNotFound(ref, "no such version"));
  }

  /** The stored bundle of a version. */
  public PolicyBundle bundle(PolicyVersion v) {
    return BundleReader.fromFiles(v.ref(), store.files(v.bundleHash()));
  }

  private CompiledPolicy compile(PolicyVersion v) {
    return compiler.compile(bundle(v));
  }
}

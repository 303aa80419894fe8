package io.fulcrum.admin.application;

import io.fulcrum.admin.application.ActivationTimeline.Activation;
import io.fulcrum.admin.application.PolicyEvent.Action;
import io.fulcrum.engine.decision.PolicyStamp;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.measure.RiskMeasures;
import io.fulcrum.engine.policy.BundleReader;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyBundle;
import io.fulcrum.engine.policy.PolicyCompiler;
import io.fulcrum.engine.policy.PolicyNotFound;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.policy.VersionOrder;
import io.fulcrum.engine.runtime.MarginEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine over the stored policy versions: which version is active now (from the audited
 * activation timeline and the {@link ServiceClock}), the latest approved version of each policy,
 * the shadow candidate, and compiled policies cached per version.
 *
 * <p>Everything here is derived from the lifecycle events the audit chain covers, re-read after
 * every lifecycle change: a version's state is what its sealed events make it ({@link
 * PolicyVersionSeal}), never the state column. Every resolve checks that state before the cache, so
 * only an approved version is ever served; compiling checks the stored row and recomputes the
 * content's bundle hash (again on every reload for the versions it keeps compiled). Shadow
 * candidates are compiled into a cache of their own that resolve never reads, cleared on reload.
 *
 * <p>Resolving costs no database access once compiled; a decision resolves its version once, at its
 * start, and finishes on it even if an activation takes effect meanwhile.
 */
@ApplicationScoped
public class PolicyEngine {

  private static final Logger LOG = Logger.getLogger(PolicyEngine.class.getName());

  /** Evaluations of a newly compiled version before it is served. */
  static final int WARM_DECISIONS = 20;

  /** The shadow candidate attached to the active version {@code attachedTo}. */
  public record Shadow(String candidateRef, String attachedTo, BigDecimal tolerance) {}

  @Inject PolicyStore store;

  @Inject ServiceClock clock;

  /** Replaced by the container's; this one (for tests) records nothing. */
  @Inject ServiceMetrics metrics = new ServiceMetrics();

  /** Null in unit tests that make the engine by hand: versions are then not warmed. */
  @Inject MarketData marketData;

  private final PolicyCompiler compiler = new PolicyCompiler(RiskMeasures.load());
  private volatile Map<String, CompiledPolicy> live = new ConcurrentHashMap<>();
  private volatile Map<String, CompiledPolicy> candidates = new ConcurrentHashMap<>();

  /** The last request a live decision evaluated: what a newly compiled version is warmed with. */
  private volatile MarginRequest lastRequest;

  private volatile ActivationTimeline timeline = ActivationTimeline.of(List.of());
  private volatile Map<String, PolicyVersionSeal.Sealed> versions = Map.of();
  private volatile Map<String, String> latestDecidable = Map.of();
  private volatile Shadow shadow;

  /**
   * Why the activation history cannot be trusted (an ACTIVATE or ROLLBACK row the chain does not
   * cover), or null. Live decisions then fail closed rather than run on a timeline without it.
   */
  private volatile String timelineFault;

  /** Lifecycle event rows (sealed or not) the last reload read: the policy-state revision. */
  private volatile long revision = -1;

  /** Told of every reload made here (not of one caused by another member); the cluster's hook. */
  private volatile java.util.function.LongConsumer onLocalChange;

  /** How far in the future an immediate activation or rollback takes effect (cluster: not 0). */
  private volatile java.time.Duration activationDelay = java.time.Duration.ZERO;

  /**
   * In a cluster, how long after its last check against the database this member may go on deciding
   * under the active version it knows (null: no limit, a single service).
   */
  private volatile java.time.Duration lease;

  /** When the policy state now served was published (the end of the last reload's reading). */
  private volatile java.time.Instant loadedAt;

  /** When this member last confirmed (or made) its policy state equal to the database's. */
  private volatile java.time.Instant syncedAt = java.time.Instant.MIN;

  /**
   * Re-reads the sealed lifecycle events: the activation timeline, each version's state, the shadow
   * setting. Compiled versions that are still decidable with the same bundle hash are kept; the
   * version active now and every version scheduled to become active are compiled and warmed here
   * (so an activation request compiles its version before it returns), before the new timeline is
   * published, so that the first decision after an activation does not pay for the compilation
   * (seconds) nor for the first, cold evaluation. A version that fails to compile here is left to
   * fail as before, on the decision that asks for it.
   */
  public synchronized void reload() {
    reload(true);
  }

  /**
   * Reloads because the database changed elsewhere (another member's lifecycle action, or a
   * reconciliation found the database ahead): the new timeline is published at once and nothing is
   * compiled here (this runs on a managed executor thread), so that an activation scheduled for an
   * instant a little ahead (the cluster's convention, {@link #immediate}) is known here well before
   * that instant; the first decision that needs a version not yet compiled compiles it.
   */
  public synchronized void refresh() {
    reload(false);
  }

  /** The policy-state revision the last reload read (lifecycle event rows), -1 before the first. */
  public long revision() {
    return revision;
  }

  /**
   * Cluster settings (set once at start by the cluster component).
   *
   * @param delay an immediate activation or rollback takes effect this much after it is recorded
   * @param lease how long after its last check against the database this member decides under the
   *     active version it knows; past that, live decisions are refused until the next check
   * @param listener told of each reload made on this member, with its revision
   */
  public void joinCluster(
      java.time.Duration delay,
      java.time.Duration lease,
      java.util.function.LongConsumer listener) {
    this.activationDelay = delay;
    this.lease = lease;
    this.onLocalChange = listener;
  }

  /** The effective instant of an activation or rollback recorded at {@code now} "from now". */
  public java.time.Instant immediate(java.time.Instant now) {
    return now.plus(activationDelay);
  }

  /** This member's policy state equals the database's as it was at {@code checkedAt}. */
  public void synced(java.time.Instant checkedAt) {
    if (checkedAt.isAfter(syncedAt)) {
      syncedAt = checkedAt;
    }
  }

  /** When the policy state now served was published here (null before the first reload). */
  public java.time.Instant loadedAt() {
    return loadedAt;
  }

  /** When this member last confirmed its policy state against the database. */
  public java.time.Instant syncedAt() {
    return syncedAt;
  }

  private void reload(boolean local) {
    java.time.Instant readAt = clock.instant();
    PolicyStore.EventLog log = store.eventLog();
    long readRevision = log.sealed().size() + log.unsealed().size();
    java.util.function.LongConsumer listener = onLocalChange;
    if (local && listener != null) {
      listener.accept(readRevision); // before compiling: the other members start reloading now
    }
    List<PolicyEvent> events = log.sealed();
    timelineFault =
        log.unsealed().stream()
            .filter(
                u ->
                    Action.ACTIVATE.name().equals(u.action())
                        || Action.ROLLBACK.name().equals(u.action()))
            .map(PolicyStore.EventLog.Unsealed::problem)
            .findFirst()
            .orElse(null);
    ActivationTimeline newTimeline =
        ActivationTimeline.of(
            events.stream()
                .filter(e -> e.action() == Action.ACTIVATE || e.action() == Action.ROLLBACK)
                .map(
                    e ->
                        new Activation(
                            e.ref(), e.effectiveAt(), e.sequence(), e.action() == Action.ROLLBACK))
                .toList());
    Map<String, List<PolicyEvent>> byVersion = new LinkedHashMap<>();
    events.forEach(e -> byVersion.computeIfAbsent(e.ref(), r -> new ArrayList<>()).add(e));
    Map<String, PolicyVersionSeal.Sealed> sealed = new HashMap<>();
    Map<String, String> latest = new HashMap<>();
    byVersion.forEach(
        (ref, list) ->
            PolicyVersionSeal.of(list)
                .ifPresent(
                    v -> {
                      sealed.put(ref, v);
                      if (v.state().decidable()) {
                        PolicyRef r = PolicyRef.parse(ref);
                        latest.merge(
                            r.id(),
                            r.version().orElseThrow(),
                            (a, b) -> VersionOrder.ASCENDING.compare(a, b) >= 0 ? a : b);
                      }
                    }));
    Map<String, PolicyVersionSeal.Sealed> sealedNow = Map.copyOf(sealed);
    PolicyEvent last = null;
    for (PolicyEvent e : events) {
      if (e.action() == Action.SHADOW_ON || e.action() == Action.SHADOW_OFF) {
        last = e;
      }
    }
    shadow =
        last == null || last.action() == Action.SHADOW_OFF
            ? null
            : new Shadow(
                last.ref(),
                ShadowSettings.attachedTo(last.detail()),
                ShadowSettings.tolerance(last.detail()));
    ActivationTimeline next = newTimeline;
    Map<String, CompiledPolicy> compiled = kept(sealedNow);
    // In a cluster (activations take effect a moment ahead, on every member at once) the timeline
    // is published before compiling, also on the member where the action was taken: compiling can
    // take longer than that moment, and no decision after the instant may use the old version.
    boolean publishFirst = !local || !activationDelay.isZero();
    if (publishFirst) {
      publish(compiled, sealedNow, latest, newTimeline, sealed, readRevision, readAt);
    }
    // Only the version active now and those scheduled are compiled ahead: an approved version
    // that is neither is compiled, its stored row and content checked, on the decision that names
    // it (a row edited in the database in between is then refused, as before compile-ahead).
    // A reload caused by another member runs on a managed executor thread, where Drools' MVEL JIT
    // must not be initialised (its executor holder failed there with a NullPointerException, which
    // poisons the class for the JVM: every later decision failed): such a reload compiles nothing,
    // and the first decision that needs a version compiles it on its own (HTTP) thread.
    List<PolicyVersionSeal.Sealed> ahead = local ? List.copyOf(sealedNow.values()) : List.of();
    for (PolicyVersionSeal.Sealed v : ahead) {
      if (!compiled.containsKey(v.ref())
          && v.state().decidable()
          && activeOrScheduled(next, v.ref())) {
        precompile(v).ifPresent(c -> compiled.put(v.ref(), c));
      }
    }
    if (!publishFirst) {
      publish(compiled, sealedNow, latest, newTimeline, sealed, readRevision, readAt);
    }
  }

  private void publish(
      Map<String, CompiledPolicy> compiled,
      Map<String, PolicyVersionSeal.Sealed> sealedNow,
      Map<String, String> latest,
      ActivationTimeline newTimeline,
      Map<String, PolicyVersionSeal.Sealed> sealed,
      long readRevision,
      java.time.Instant readAt) {
    live = compiled;
    candidates = new ConcurrentHashMap<>();
    versions = sealedNow;
    latestDecidable = Map.copyOf(latest);
    timeline = newTimeline;
    revision = readRevision;
    synced(readAt);
    loadedAt = clock.instant();
    Map<String, String> decidable = new HashMap<>();
    sealed.forEach(
        (ref, v) -> {
          if (v.state().decidable()) {
            decidable.put(ref, v.bundleHash());
          }
        });
    metrics.versions(decidable, this::activeRef);
  }

  /**
   * The compiled versions that are still decidable with the same content, their stored row and
   * content checked again as when compiling (reading and hashing the content costs milliseconds,
   * compiling it seconds); one that fails the check is dropped, and its next decision fails.
   */
  private Map<String, CompiledPolicy> kept(Map<String, PolicyVersionSeal.Sealed> sealedNow) {
    Map<String, CompiledPolicy> out = new ConcurrentHashMap<>();
    live.forEach(
        (ref, c) -> {
          PolicyVersionSeal.Sealed v = sealedNow.get(ref);
          if (v != null && v.state().decidable() && c.stamp().hash().equals(v.bundleHash())) {
            try {
              verified(v);
              out.put(ref, c);
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "policy version " + ref + " is compiled again on use", e);
            }
          }
        });
    return out;
  }

  private boolean activeOrScheduled(ActivationTimeline t, String ref) {
    java.time.Instant now = clock.instant();
    return t.activeAt(now).map(ref::equals).orElse(false)
        || t.scheduledAfter(now).stream().anyMatch(a -> a.ref().equals(ref));
  }

  /** Compiles and warms a version ahead of its use; empty if it fails (its decision fails then). */
  private Optional<CompiledPolicy> precompile(PolicyVersionSeal.Sealed v) {
    try {
      CompiledPolicy c = load(v);
      warm(c);
      return Optional.of(c);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "policy version " + v.ref() + " did not compile ahead of use", e);
      return Optional.empty();
    }
  }

  /**
   * Evaluates the last live request a few times under the new version, result discarded (nothing is
   * stored): the first real decision then finds sessions, decision tables and the JIT warm.
   */
  private void warm(CompiledPolicy c) {
    MarginRequest request = lastRequest;
    if (request == null || marketData == null) {
      return;
    }
    for (int i = 0; i < WARM_DECISIONS; i++) {
      try {
        MarginEngine.decide(c, request, marketData.sets(), true);
      } catch (RuntimeException e) {
        return; // a request this version refuses warms nothing more
      }
    }
  }

  /** The version as compiled now, without compiling it (tests: what reload compiled ahead). */
  Optional<CompiledPolicy> compiledNow(String ref) {
    return Optional.ofNullable(live.get(ref));
  }

  /** Remembers a request a live decision evaluated, to warm versions compiled later. */
  public void observed(MarginRequest request) {
    lastRequest = request;
  }

  public ActivationTimeline timeline() {
    return timeline;
  }

  public PolicyCompiler compiler() {
    return compiler;
  }

  /**
   * The reference of the version active now.
   *
   * @throws ChainIntegrityFault when an activation event was edited or written outside the service
   */
  public String activeRef() {
    return activeRef(clock.instant());
  }

  /**
   * The reference of the version active at {@code at} (a decision's own instant).
   *
   * @throws ChainIntegrityFault when an activation event was edited or written outside the service
   */
  public String activeRef(java.time.Instant at) {
    String fault = timelineFault;
    if (fault != null) {
      throw new ChainIntegrityFault("the active policy version cannot be determined: " + fault);
    }
    return timeline
        .activeAt(at)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no policy version is active (the start-up import activates one)"));
  }

  /**
   * The version active at {@code at} for a live decision: in a cluster, only while this member's
   * policy state was checked against the database recently enough that no activation it has not
   * seen can be effective by {@code at} (see {@link #joinCluster}).
   *
   * @throws PolicyStateStale when it was not
   */
  private String liveActiveRef(java.time.Instant at) {
    java.time.Duration l = lease;
    if (l != null && !at.isBefore(syncedAt.plus(l))) {
      throw new PolicyStateStale(
          "this member last confirmed its policy state at "
              + syncedAt
              + ", more than "
              + l
              + " before the decision's instant "
              + at
              + "; retry (another member, or this one after its next check)");
    }
    return activeRef(at);
  }

  /** The active policy version, compiled. */
  public CompiledPolicy active() {
    return compiled(activeRef());
  }

  /** The shadow candidate, if one is attached to the version active now. */
  public Optional<Shadow> shadowNow() {
    return shadowAt(clock.instant());
  }

  /** The shadow candidate, if one is attached to the version active at {@code at}. */
  public Optional<Shadow> shadowAt(java.time.Instant at) {
    Shadow s = shadow;
    return s != null && s.attachedTo().equals(activeRef(at))
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
   * @throws ChainIntegrityFault when the stored version or its content is not what was sealed
   */
  public CompiledPolicy resolve(String ref) {
    return resolve(ref, clock.instant());
  }

  /**
   * As {@link #resolve(String)}, with "active" meaning active at {@code at}: a decision reads the
   * service clock once and uses that instant both to pick its version and as its own time.
   */
  public CompiledPolicy resolve(String ref, java.time.Instant at) {
    if (ref == null || ref.isBlank()) {
      return compiled(liveActiveRef(at));
    }
    PolicyRef parsed = PolicyRef.parse(ref);
    if (parsed.version().isEmpty()) {
      String active = liveActiveRef(at);
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

  /**
   * A version that passed validation (VALIDATED or approved, not REJECTED), for shadow evaluation
   * only: it is compiled apart from the versions {@link #resolve} serves.
   */
  public CompiledPolicy candidate(String ref) {
    PolicyVersionSeal.Sealed v = sealed(ref);
    if (v.state() != PolicyState.VALIDATED && !v.state().decidable()) {
      throw new PolicyNotFound(
          ref, "version is " + v.state() + "; a shadow candidate must have passed validation");
    }
    return candidates.computeIfAbsent(ref, r -> load(v));
  }

  /** A decidable version, compiled; its state is checked on every call, before the cache. */
  private CompiledPolicy compiled(String ref) {
    PolicyVersionSeal.Sealed v = sealed(ref);
    if (!v.state().decidable()) {
      throw new PolicyNotFound(
          ref, "version is " + v.state() + ", not approved: decisions need an approved version");
    }
    return live.computeIfAbsent(ref, r -> load(v));
  }

  private PolicyVersionSeal.Sealed sealed(String ref) {
    PolicyVersionSeal.Sealed v = versions.get(ref);
    if (v == null) {
      throw new PolicyNotFound(ref, "no such version");
    }
    return v;
  }

  /**
   * Compiles a version from its stored content after checking that its row agrees with its sealed
   * events and that the content's recomputed bundle hash and manifest are the sealed ones.
   */
  private CompiledPolicy load(PolicyVersionSeal.Sealed v) {
    PolicyBundle bundle = verified(v);
    long start = System.nanoTime();
    CompiledPolicy compiled = compiler.compile(bundle);
    metrics.compiled(java.time.Duration.ofNanos(System.nanoTime() - start));
    return compiled;
  }

  /** The version's stored content, checked against its row and its sealed events. */
  private PolicyBundle verified(PolicyVersionSeal.Sealed v) {
    PolicyRef ref = PolicyRef.parse(v.ref());
    String version = ref.version().orElseThrow();
    PolicyVersion row =
        store
            .find(ref.id(), version)
            .orElseThrow(
                () ->
                    new ChainIntegrityFault(
                        "policy version " + v.ref() + " has audited events but no stored row"));
    if (!row.bundleHash().equals(v.bundleHash()) || row.storedState() != v.state()) {
      throw new ChainIntegrityFault(
          "policy version " + v.ref() + " changed since its lifecycle events were read");
    }
    PolicyBundle bundle = BundleReader.fromFiles(v.ref(), store.files(v.bundleHash()));
    if (!bundle.hash().equals(v.bundleHash())) {
      throw new ChainIntegrityFault(
          "the stored content of policy version "
              + v.ref()
              + " has bundle hash "
              + PolicyVersionSeal.abbreviated(bundle.hash())
              + ", not its sealed bundle hash "
              + PolicyVersionSeal.abbreviated(v.bundleHash()));
    }
    if (!bundle.manifest().id().equals(ref.id()) || !bundle.manifest().version().equals(version)) {
      throw new ChainIntegrityFault(
          "the stored content of policy version "
              + v.ref()
              + " has the manifest of "
              + bundle.manifest().id()
              + "@"
              + bundle.manifest().version());
    }
    return bundle;
  }
}

package io.fulcrum.admin.application;

import io.fulcrum.admin.application.PolicyEvent.Action;
import io.fulcrum.admin.application.PolicyStore.Change;
import io.fulcrum.admin.application.PolicyStore.NewEvent;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.policy.BundleReader;
import io.fulcrum.engine.policy.BundleValidator;
import io.fulcrum.engine.policy.CompilationProblem;
import io.fulcrum.engine.policy.PolicyBundle;
import io.fulcrum.engine.policy.PolicyCompilationFailed;
import io.fulcrum.engine.policy.PolicyRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy lifecycle: upload and validate, review with four eyes, activate at an effective time,
 * roll back, attach and detach a shadow candidate. Every action is one transaction that stores its
 * rows and appends its audit records to the same chain as decisions.
 */
@ApplicationScoped
public class PolicyGovernance {

  @Inject PolicyStore store;

  @Inject PolicyEngine engine;

  @Inject ServiceClock clock;

  @Inject MarketData marketData;

  /**
   * What an upload stored: the version (DRAFT if validation failed, else VALIDATED) and its report.
   */
  public record Uploaded(PolicyVersion version, ValidationReport report) {}

  /**
   * Stores, compiles and validates an uploaded bundle for policy {@code policyId}.
   *
   * @throws BundleRefused when the files are not a readable bundle of this policy (nothing stored)
   * @throws LifecycleRefused when the version exists beyond DRAFT
   */
  public Uploaded upload(String policyId, Map<String, byte[]> files, String author) {
    return upload(policyId, files, "", author);
  }

  /**
   * As {@link #upload(String, Map, String)}, for files that came in {@code folder} of the upload
   * ({@code ""} for none): a folder path ending in {@code <id>/<version>} (a zip of {@code
   * rules/tiered-perps/3/}) implies the version, which the manifest must then state, as for a
   * bundle directory; a single folder is just the bundle's own name.
   */
  public Uploaded upload(String policyId, Map<String, byte[]> files, String folder, String author) {
    PolicyRefs.checkedId("id", policyId);
    if ("active".equals(policyId)) {
      throw new InvalidParameter("id", "'active' is reserved and cannot be a policy id");
    }
    PolicyBundle bundle;
    try {
      bundle = BundleReader.fromFiles("upload", files);
    } catch (PolicyCompilationFailed e) {
      throw new BundleRefused(
          "the upload is not a valid bundle; nothing was stored", e.problems(), false);
    }
    String version = bundle.manifest().version();
    if (!bundle.manifest().id().equals(policyId)) {
      throw new BundleRefused(
          "the manifest is for policy '"
              + bundle.manifest().id()
              + "', not '"
              + policyId
              + "'; nothing was stored",
          List.of(new CompilationProblem(PolicyBundle.MANIFEST, 0, "id must be " + policyId)),
          false);
    }
    PolicyState current =
        store.find(policyId, version).map(PolicyVersion::storedState).orElse(null);
    Instant now = clock.instant();
    ValidationReport report =
        BundleValidation.validate(
            engine.compiler(), marketData.sets(), bundle, location(policyId, folder), now);
    PolicyState state =
        PolicyLifecycle.afterUpload(current, report.passed(), policyId + "@" + version);
    PolicyVersion row =
        new PolicyVersion(
            policyId,
            version,
            bundle.hash(),
            state,
            author,
            now,
            null,
            null,
            null,
            Json.canonical(report));
    String validation =
        report.passed()
            ? "passed: " + report.checks()
            : "failed with " + report.problems().size() + " problem(s): " + report.problems();
    store.record(
        new Change(
            bundle.files(),
            row,
            List.of(
                new NewEvent(
                    Action.UPLOAD,
                    policyId,
                    version,
                    bundle.hash(),
                    null,
                    (current == null ? "uploaded " : "replaced the DRAFT with ")
                        + bundle.files().size()
                        + " files",
                    null),
                new NewEvent(
                    Action.VALIDATE,
                    policyId,
                    version,
                    bundle.hash(),
                    null,
                    "validation " + validation,
                    Json.canonical(Map.of("passed", report.passed(), "state", state.name())))),
            author,
            now));
    engine.reload();
    return new Uploaded(row, report);
  }

  /** Where the upload says the bundle lies: the URL's policy, and a version its folder implies. */
  static BundleValidator.Location location(String policyId, String folder) {
    String[] segments = folder == null || folder.isEmpty() ? new String[0] : folder.split("/");
    if (segments.length >= 2) {
      return new BundleValidator.Location(
          segments[segments.length - 2], segments[segments.length - 1]);
    }
    return new BundleValidator.Location(policyId, null);
  }

  /** Approves or rejects a VALIDATED version; the reviewer must not be its author. */
  public PolicyVersion review(
      String policyId, String version, boolean approve, String comment, String reviewer) {
    PolicyVersion v = get(policyId, version);
    String why = PolicyLifecycle.required(comment, "comment");
    PolicyState next = PolicyLifecycle.afterReview(v, reviewer, approve);
    Instant now = clock.instant();
    PolicyVersion reviewed =
        new PolicyVersion(
            v.policyId(),
            v.version(),
            v.bundleHash(),
            next,
            v.author(),
            v.uploadedAt(),
            reviewer,
            now,
            why,
            v.reportJson());
    store.record(
        new Change(
            null,
            reviewed,
            List.of(
                new NewEvent(
                    approve ? Action.APPROVE : Action.REJECT,
                    policyId,
                    version,
                    v.bundleHash(),
                    null,
                    why,
                    null)),
            reviewer,
            now));
    engine.reload();
    return reviewed;
  }

  /**
   * Makes an approved version the active one from {@code effectiveAt} (null: now). Decisions
   * started before that instant finish on the version they started with.
   */
  public PolicyEvent activate(
      String policyId, String version, Instant effectiveAt, String reason, String actor) {
    PolicyVersion v = get(policyId, version);
    PolicyLifecycle.checkActivatable(v);
    String why = PolicyLifecycle.required(reason, "reason");
    Instant now = clock.instant();
    // In a cluster "now" means a moment ahead, so that every member switches at the same instant.
    Instant from = effectiveAt == null ? engine.immediate(now) : effectiveAt;
    if (from.isBefore(now)) {
      throw new InvalidParameter(
          "effectiveAt", "effectiveAt must be now or later but was " + from + " (now " + now + ")");
    }
    return recordAndReload(
        new NewEvent(Action.ACTIVATE, policyId, version, v.bundleHash(), from, why, null),
        actor,
        now);
  }

  /** Re-activates, from now, the version that was active before the current one. */
  public PolicyEvent rollback(String reason, String actor) {
    String why = PolicyLifecycle.required(reason, "reason");
    Instant now = clock.instant();
    String current = engine.activeRef();
    String previous =
        engine
            .timeline()
            .previousAt(now)
            .orElseThrow(
                () ->
                    new LifecycleRefused(
                        "nothing to roll back to: "
                            + current
                            + " is the only version that has been active"));
    PolicyRef ref = PolicyRef.parse(previous);
    PolicyVersion v = get(ref.id(), ref.version().orElseThrow());
    return recordAndReload(
        new NewEvent(
            Action.ROLLBACK,
            v.policyId(),
            v.version(),
            v.bundleHash(),
            engine.immediate(now),
            why + " (rolled back from " + current + ")",
            null),
        actor,
        now);
  }

  /**
   * Attaches {@code candidate} in shadow to the version active now: each live decision is also
   * evaluated under it and differences beyond {@code tolerance} (in the valuation currency) are
   * recorded.
   */
  public PolicyEvent shadowOn(String candidate, BigDecimal tolerance, String reason, String actor) {
    PolicyRef ref = PolicyRefs.parse("policy", candidate);
    PolicyVersion v =
        get(
            ref.id(),
            ref.version()
                .orElseThrow(
                    () ->
                        new InvalidParameter("policy", "policy must name a version: id@version")));
    if (v.storedState() != PolicyState.VALIDATED && !v.storedState().decidable()) {
      throw new LifecycleRefused(
          "version "
              + v.ref()
              + " is "
              + v.storedState()
              + "; a shadow candidate must have passed validation");
    }
    if (tolerance == null || tolerance.signum() < 0) {
      throw new InvalidParameter(
          "tolerance", "tolerance must be zero or more but was " + tolerance);
    }
    String why = PolicyLifecycle.required(reason, "reason");
    Instant now = clock.instant();
    return recordAndReload(
        new NewEvent(
            Action.SHADOW_ON,
            v.policyId(),
            v.version(),
            v.bundleHash(),
            null,
            why,
            ShadowSettings.detail(engine.activeRef(), tolerance)),
        actor,
        now);
  }

  public PolicyEvent shadowOff(String reason, String actor) {
    PolicyEngine.Shadow s =
        engine
            .shadowSetting()
            .orElseThrow(() -> new LifecycleRefused("no shadow candidate is attached"));
    PolicyRef ref = PolicyRef.parse(s.candidateRef());
    PolicyVersion v = get(ref.id(), ref.version().orElseThrow());
    String why = PolicyLifecycle.required(reason, "reason");
    Instant now = clock.instant();
    return recordAndReload(
        new NewEvent(Action.SHADOW_OFF, v.policyId(), v.version(), v.bundleHash(), null, why, null),
        actor,
        now);
  }

  /** Records one lifecycle event (audited) and makes the engine see it at once. */
  private PolicyEvent recordAndReload(NewEvent event, String actor, Instant now) {
    PolicyEvent recorded = store.record(new Change(null, null, List.of(event), actor, now)).get(0);
    engine.reload();
    return recorded;
  }

  /**
   * @throws PolicyVersionNotFound
   */
  public PolicyVersion get(String policyId, String version) {
    return store
        .find(policyId, version)
        .orElseThrow(() -> new PolicyVersionNotFound(policyId + "@" + version));
  }

  /** The stored validation report of a version. */
  public ValidationReport report(String policyId, String version) {
    try {
      return Json.mapper().readValue(get(policyId, version).reportJson(), ValidationReport.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The state shown for a version now: its review state, or ACTIVE/RETIRED from the timeline. */
  public PolicyState stateNow(PolicyVersion v) {
    if (!v.storedState().decidable()) {
      return v.storedState();
    }
    Instant now = clock.instant();
    ActivationTimeline t = engine.timeline();
    if (t.activeAt(now).filter(v.ref()::equals).isPresent()) {
      return PolicyState.ACTIVE;
    }
    return t.wasActiveBy(v.ref(), now) ? PolicyState.RETIRED : PolicyState.APPROVED;
  }

  /** Diff of two stored versions of one policy. */
  public PolicyDiff diff(String policyId, String from, String to) {
    PolicyVersion a = get(policyId, from);
    PolicyVersion b = get(policyId, to);
    return PolicyDiff.between(
        a.ref(), store.files(a.bundleHash()), b.ref(), store.files(b.bundleHash()));
  }

  /** The DMN decision tables of a stored version, read from its bundle files. */
  public PolicyTables tables(String policyId, String version) {
    PolicyVersion v = get(policyId, version);
    return PolicyTables.of(policyId, version, v.bundleHash(), store.files(v.bundleHash()));
  }

  /**
   * One file of a stored version's bundle, or empty when the bundle has no file at {@code path}.
   */
  public Optional<byte[]> file(String policyId, String version, String path) {
    PolicyVersion v = get(policyId, version);
    return Optional.ofNullable(store.files(v.bundleHash()).get(path));
  }

  /** Audited lifecycle events across policies, newest first (only those the chain covers). */
  public Page<PolicyEvent> events(EventQuery query, int page, int size) {
    return query.page(store.events(null, null), page, size);
  }
}

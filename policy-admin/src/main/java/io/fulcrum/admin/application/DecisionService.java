package io.fulcrum.admin.application;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.json.DecisionJson;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.runtime.MarginEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Takes margin decisions and stores them, once per idempotency key; finds and lists them. */
@ApplicationScoped
public class DecisionService {

  @Inject PolicyEngine policies;

  @Inject DecisionRepository decisions;

  @Inject ShadowEvaluation shadows;

  @Inject GroupCommit groupCommit;

  @Inject MarketData marketData;

  @Inject ServiceClock clock;

  @Inject ServiceMetrics metrics;

  /**
   * Evaluates the request (JSON) under {@code policyRef} (null: the active version) and stores the
   * decision. With an idempotency key already stored for the same request and policy reference,
   * returns the stored decision instead of taking a second one.
   *
   * @throws io.fulcrum.engine.domain.InvalidRequest naming the offending field
   * @throws IdempotencyConflict when the key was used for a different request
   */
  public DecisionRepository.Appended decide(
      String requestJson, String policyRef, String idempotencyKey, String actor) {
    long start = System.nanoTime();
    DecisionRepository.Appended appended =
        decideAndStore(requestJson, policyRef, idempotencyKey, actor);
    metrics.decided(Duration.ofNanos(System.nanoTime() - start));
    return appended;
  }

  private DecisionRepository.Appended decideAndStore(
      String requestJson, String policyRef, String idempotencyKey, String actor) {
    MarginRequest request = RequestReader.read(requestJson);
    String canonicalRequest = Json.canonical(request);
    String requestHash =
        ContentHash.of(policyRef == null ? "" : policyRef.trim(), canonicalRequest);
    if (idempotencyKey != null) {
      Optional<StoredDecision> stored = decisions.findByIdempotencyKey(idempotencyKey);
      if (stored.isPresent()) {
        return new DecisionRepository.Appended(sameRequest(stored.get(), requestHash), false);
      }
    }
    boolean live = policyRef == null || policyRef.isBlank();
    if (live) {
      policies.observed(request);
    }
    NewDecision decision =
        evaluate(request, canonicalRequest, requestHash, policyRef, idempotencyKey);
    Optional<PolicyEngine.Shadow> shadow =
        live ? policies.shadowAt(decision.decidedAt()) : Optional.empty();
    DecisionRepository.Appended appended = groupCommit.append(decision, actor);
    if (!appended.created()) {
      sameRequest(appended.decision(), requestHash);
    } else if (shadow.isPresent()
        && shadow.get().attachedTo().equals(decision.decision().policy().ref())) {
      shadows.observe(shadow.get(), appended.decision().id(), request, decision.decision());
    }
    return appended;
  }

  /**
   * Evaluates under the version {@code policyRef} names, "active" meaning active at the one instant
   * read from the service clock here, which is also the decision's stored time.
   */
  NewDecision evaluate(
      MarginRequest request,
      String canonicalRequest,
      String requestHash,
      String policyRef,
      String key) {
    Instant decidedAt = clock.instant();
    CompiledPolicy policy = policies.resolve(policyRef, decidedAt);
    // The decision's JSON is written once, for its hash and for storing and answering.
    DecisionJson.Stamped decision =
        MarginEngine.decideWithJson(policy, request, marketData.sets(), true);
    return new NewDecision(
        key, requestHash, decision.decision(), canonicalRequest, decision.json(), decidedAt);
  }

  private static StoredDecision sameRequest(StoredDecision stored, String requestHash) {
    if (!stored.requestHash().equals(requestHash)) {
      throw new IdempotencyConflict(stored.idempotencyKey(), stored.id());
    }
    return stored;
  }

  /**
   * @throws DecisionNotFound
   */
  public StoredDecision get(String id) {
    return decisions.find(id).orElseThrow(() -> new DecisionNotFound(id));
  }

  public Page<StoredDecision> search(DecisionQuery query) {
    return decisions.search(query);
  }

  /** The stored decision as the engine's record (for rendering its explanation). */
  public static MarginDecision decisionOf(StoredDecision stored) {
    try {
      return Json.mapper().readValue(stored.decisionJson(), MarginDecision.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored decision " + stored.id() + " does not parse", e);
    }
  }
}

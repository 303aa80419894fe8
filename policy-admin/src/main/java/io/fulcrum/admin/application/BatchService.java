package io.fulcrum.admin.application;

import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.runtime.MarginEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides many accounts in one call. Each request is evaluated on its own (a bad one fails only its
 * item); successful decisions are stored in transactions of {@link #CHUNK} decisions, each
 * extending the audit chain.
 */
@ApplicationScoped
public class BatchService {

  /** Most requests accepted in one batch call. */
  public static final int MAX_REQUESTS = 1000;

  static final int CHUNK = 100;

  private static final Logger LOG = Logger.getLogger(BatchService.class.getName());

  @Inject PolicyEngine policies;

  @Inject DecisionRepository decisions;

  @Inject MarketData marketData;

  @Inject ServiceClock clock;

  /**
   * @param requests each request's JSON text, in order
   * @throws InvalidRequest naming {@code requests} for an empty or oversized batch
   */
  public List<BatchItem> decide(List<String> requests, String policyRef, String actor) {
    if (requests.isEmpty() || requests.size() > MAX_REQUESTS) {
      throw new InvalidRequest(
          "requests",
          "requests must hold 1 to " + MAX_REQUESTS + " requests but held " + requests.size());
    }
    // One instant for the batch: it picks the version and is every stored decision's time.
    Instant decidedAt = clock.instant();
    CompiledPolicy policy = policies.resolve(policyRef, decidedAt);
    List<BatchItem> out = new ArrayList<>(requests.size());
    List<NewDecision> pending = new ArrayList<>(CHUNK);
    List<Integer> pendingIndex = new ArrayList<>(CHUNK);
    for (int i = 0; i < requests.size(); i++) {
      out.add(null);
      try {
        MarginRequest request = RequestReader.read(requests.get(i));
        String canonical = Json.canonical(request);
        var decision = MarginEngine.decideWithJson(policy, request, marketData.sets(), true);
        pending.add(
            new NewDecision(
                null,
                ContentHash.of(policyRef == null ? "" : policyRef, canonical),
                decision.decision(),
                canonical,
                decision.json(),
                decidedAt));
        pendingIndex.add(i);
      } catch (InvalidRequest e) {
        out.set(
            i, BatchItem.failed(i, null, "requests[" + i + "]." + e.field(), e.getMessage(), null));
      } catch (RuntimeException e) {
        out.set(
            i,
            BatchItem.failed(
                i, null, null, "evaluation failed", logged(e, "evaluating batch item " + i)));
      }
      if (pending.size() == CHUNK || i == requests.size() - 1) {
        store(pending, pendingIndex, actor, out);
      }
    }
    return out;
  }

  private void store(
      List<NewDecision> pending, List<Integer> index, String actor, List<BatchItem> out) {
    if (pending.isEmpty()) {
      return;
    }
    try {
      List<DecisionRepository.Appended> stored = decisions.append(pending, actor);
      for (int k = 0; k < stored.size(); k++) {
        out.set(index.get(k), BatchItem.stored(index.get(k), stored.get(k).decision()));
      }
    } catch (RuntimeException e) {
      String errorId = logged(e, "storing batch items " + index);
      for (int k = 0; k < pending.size(); k++) {
        out.set(
            index.get(k),
            BatchItem.failed(
                index.get(k),
                pending.get(k).decision().accountId(),
                null,
                "not stored: the database refused this chunk",
                errorId));
      }
    }
    pending.clear();
    index.clear();
  }

  private static String logged(RuntimeException e, String what) {
    String errorId = ErrorIds.next();
    LOG.log(Level.SEVERE, "error " + errorId + " " + what, e);
    return errorId;
  }
}

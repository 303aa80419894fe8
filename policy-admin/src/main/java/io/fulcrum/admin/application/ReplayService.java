package io.fulcrum.admin.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulcrum.engine.compare.DecisionComparison;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.runtime.MarginEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Re-evaluates a stored decision's request under the exact policy version it was taken under
 * (whatever is active now) and compares the result with what was stored, results and explanation
 * ({@link DecisionComparison}). Stores nothing.
 */
@ApplicationScoped
public class ReplayService {

  @Inject DecisionService decisions;

  @Inject PolicyEngine policies;

  @Inject MarketData marketData;

  public ReplayReport replay(String decisionId) {
    StoredDecision stored = decisions.get(decisionId);
    CompiledPolicy policy = policies.exact(stored.policy());
    MarginDecision replayed =
        MarginEngine.decide(
            policy, RequestReader.read(stored.requestJson()), marketData.sets(), true);
    String replayedJson = Json.canonical(replayed);
    JsonNode storedTree = tree(stored.decisionJson());
    JsonNode replayedTree = tree(replayedJson);
    return new ReplayReport(
        stored.id(),
        stored.policy(),
        policy.stamp().hash(),
        policy.stamp().hash().equals(stored.policy().hash()),
        replayedJson.equals(stored.decisionJson()),
        storedTree.path("explanation").equals(replayedTree.path("explanation")),
        stored.decisionHash(),
        replayed.decisionHash(),
        DecisionComparison.RESULTS.withExplanation().between(storedTree, replayedTree).stream()
            .limit(ReplayReport.LIMIT)
            .map(ReplayReport.Difference::of)
            .toList());
  }

  private static JsonNode tree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

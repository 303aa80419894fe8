package io.fulcrum.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A batch decides each request exactly as {@link MarginEngine#decide} does alone, in request order,
 * whichever thread takes it; a request that cannot be decided fails its own outcome only.
 */
class DecisionBatchTest {

  /** Wallet 5 fails a status rule; 100 liquidates; 50000 is OK (see RuleSessionReuseTest). */
  private static List<MarginRequest> requests(int n) {
    String[] wallets = {"100", "50000", "5", "50000", "100", "7000", "60000", "5"};
    List<MarginRequest> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(RuleSessionReuseTest.request("acc-" + i, wallets[(i * 7 + i / 3) % wallets.length]));
    }
    return out;
  }

  private static String alone(CompiledPolicy policy, MarginRequest r, boolean explain) {
    try {
      return Json.canonical(MarginEngine.decide(policy, r, explain));
    } catch (RuntimeException e) {
      return "failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  private static String of(DecisionOutcome o) {
    return o instanceof DecisionOutcome.Failed f
        ? "failed: " + f.error().getClass().getSimpleName() + ": " + f.error().getMessage()
        : Json.canonical(((DecisionOutcome.Decided) o).decision());
  }

  @Test
  void outcomes_areInRequestOrder_andEachIsTheDecisionTakenAlone() {
    CompiledPolicy policy =
        DecisionLimitsTest.compile("", Map.of("flat.drl", RuleSessionReuseTest.FAILING));
    List<MarginRequest> requests = requests(300);
    for (boolean explain : new boolean[] {true, false}) {
      List<DecisionOutcome> outcomes;
      try (DecisionBatch batch = DecisionBatch.onThreads(3)) {
        outcomes = batch.decide(policy, requests, MarketDataSets.none(), explain);
      }
      assertThat(outcomes).hasSize(requests.size());
      int failed = 0;
      for (int i = 0; i < requests.size(); i++) {
        assertThat(of(outcomes.get(i)))
            .as("request %d, explain %s", i, explain)
            .isEqualTo(alone(policy, requests.get(i), explain));
        failed += outcomes.get(i) instanceof DecisionOutcome.Failed ? 1 : 0;
      }
      assertThat(failed).isEqualTo(75); // every request with wallet 5: 2 of each 8
    }
  }

  @Test
  void decideEach_givesTheSameAsABatch_andDecisionOrThrowRethrowsTheFailure() {
    CompiledPolicy policy =
        DecisionLimitsTest.compile("", Map.of("flat.drl", RuleSessionReuseTest.FAILING));
    List<MarginRequest> requests = requests(40);
    List<DecisionOutcome> each =
        MarginEngine.decideEach(policy, requests, MarketDataSets.none(), true);
    for (int i = 0; i < requests.size(); i++) {
      assertThat(of(each.get(i))).isEqualTo(alone(policy, requests.get(i), true));
    }
    DecisionOutcome failed =
        each.stream().filter(o -> o instanceof DecisionOutcome.Failed).findFirst().orElseThrow();
    assertThatThrownBy(failed::decisionOrThrow)
        .isInstanceOf(PolicyEvaluationFailed.class)
        .hasMessageContaining("Refuse a tiny wallet");
  }

  @Test
  void decideAll_returnsTheDecisionsInRequestOrder_orTheFirstFailure() {
    MarginEngine engine = MarginEngine.over(PolicyLibrary.at(Path.of("../rules")));
    PolicyRef ref = PolicyRef.parse("tiered-perps@1");
    List<MarginRequest> requests =
        List.of(
            RuleSessionReuseTest.request("a", "100"),
            RuleSessionReuseTest.request("b", "50000"),
            RuleSessionReuseTest.request("c", "700"));
    List<String> all = engine.decideAll(ref, requests, true).stream().map(Json::canonical).toList();
    assertThat(all)
        .containsExactlyElementsOf(
            requests.stream().map(r -> Json.canonical(engine.decide(ref, r, true))).toList());
    assertThat(all.get(1)).contains("\"accountId\":\"b\"");

    MarginRequest unknown =
        RequestReader.read(
            """
            {
              "account": {
                "id": "d",
                "positions": [ { "instrument": "ETHUSDT", "quantity": "1", "entryPrice": "3000" } ],
                "collateral": [ { "asset": "USDT", "amount": "5000" } ],
                "debts": []
              },
              "market": {
                "asOf": "2026-11-25T12:00:00Z",
                "valuationCurrency": "USDT",
                "instruments": [ { "kind": "PERPETUAL", "symbol": "BTCUSDT", "underlying": "BTC", "settlementAsset": "USDT", "contractSize": "1" } ],
                "prices": { "BTCUSDT": { "mark": "60000", "index": "59990" } },
                "assetPrices": { "USDT": "1" }
              }
            }
            """);
    assertThatThrownBy(() -> engine.decideAll(ref, List.of(requests.get(0), unknown), false))
        .isInstanceOf(io.fulcrum.engine.domain.InvalidRequest.class)
        .hasMessageContaining("ETHUSDT");
  }

  @Test
  void aBatchOfNoThreads_isRefused() {
    assertThatThrownBy(() -> DecisionBatch.onThreads(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threads must be at least 1 but was 0");
  }
}

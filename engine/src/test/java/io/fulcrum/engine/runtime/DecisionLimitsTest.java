package io.fulcrum.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.measure.RiskMeasures;
import io.fulcrum.engine.policy.BundleReader;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyBundle;
import io.fulcrum.engine.policy.PolicyCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Evaluation is bounded: a rule that re-fires itself forever stops at the policy's rule firing
 * limit or its time budget, a FEEL expression that iterates a huge range stops at the time budget,
 * each as a policy error; the thread that asked carries on and decides the next request.
 */
@Timeout(60) // without the limits these decisions never end
class DecisionLimitsTest {

  static final Path GOOD = Path.of("src/test/resources/bundles/good/1");

  static final MarginRequest REQUEST =
      RequestReader.read(
          """
          {
            "account": {
              "id": "acc-1",
              "positions": [ { "instrument": "BTCUSDT", "quantity": "1", "entryPrice": "60000" } ],
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

  static final String ENDLESS_RULE =
      """
      package io.fulcrum.test.endless;

      import io.fulcrum.engine.runtime.AccountFact;
      import io.fulcrum.engine.runtime.PositionFact;
      import io.fulcrum.engine.decision.DecisionStatus;

      rule "Again and again"
        ruleflow-group "requirements"
      when
        $p : PositionFact( )
      then
        $p.setMaintenanceMargin(java.math.BigDecimal.ONE);
        update($p);
      end

      rule "Otherwise OK"
        ruleflow-group "status"
      when
        $a : AccountFact( )
      then
        $a.setStatus(DecisionStatus.OK);
      end
      """;

  static CompiledPolicy compile(String limits, Map<String, String> replaced) {
    Map<String, byte[]> files = new TreeMap<>();
    try (var list = Files.list(GOOD)) {
      for (Path p : list.toList()) {
        files.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    replaced.forEach((k, v) -> files.put(k, v.getBytes(StandardCharsets.UTF_8)));
    String manifest = new String(files.get("manifest.yaml"), StandardCharsets.UTF_8) + limits;
    files.put("manifest.yaml", manifest.getBytes(StandardCharsets.UTF_8));
    PolicyBundle bundle = BundleReader.fromFiles("test", files);
    return new PolicyCompiler(RiskMeasures.load()).compile(bundle);
  }

  static CompiledPolicy good() {
    return compile("", Map.of());
  }

  @Test
  void aRuleReFiringItselfForever_stopsAtTheRuleFiringLimit() {
    CompiledPolicy endless =
        compile("limits:\n  maxRuleFirings: 1000\n", Map.of("flat.drl", ENDLESS_RULE));
    assertThatThrownBy(() -> MarginEngine.decide(endless, REQUEST, true))
        .isInstanceOf(PolicyEvaluationFailed.class)
        .hasMessageContaining("exceeded its rule firing limit: more than 1000 rule firings")
        .hasMessageContaining("limits.maxRuleFirings");
    assertThat(MarginEngine.decide(good(), REQUEST, false).status()).isNotNull();
  }

  @Test
  void aRuleReFiringItselfForever_stopsAtTheTimeBudget() {
    CompiledPolicy endless =
        compile(
            "limits:\n  maxRuleFirings: 10000000\n  timeBudgetMillis: 300\n",
            Map.of("flat.drl", ENDLESS_RULE));
    long start = System.nanoTime();
    assertThatThrownBy(() -> MarginEngine.decide(endless, REQUEST, false))
        .isInstanceOf(PolicyEvaluationFailed.class)
        .hasMessageContaining("exceeded its time budget of 300 ms")
        .hasMessageContaining("limits.timeBudgetMillis");
    long millis = (System.nanoTime() - start) / 1_000_000;
    // Halting the session is cooperative: it takes effect at the next firing. (The upper bound
    // allows for a loaded machine delaying the watchdog.)
    assertThat(millis).isBetween(300L, 300L + 5_000);
    assertThat(MarginEngine.decide(good(), REQUEST, false).status()).isNotNull();
  }

  static final String FEEL_HUGE_RANGE =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="rate" name="Rate" namespace="https://fulcrum.io/dmn/test/huge">
        <inputData id="input_notional" name="notional">
          <variable id="input_notional_var" name="notional" typeRef="number"/>
        </inputData>
        <decision id="rate_decision" name="Rate">
          <variable id="rate_var" name="Rate" typeRef="number"/>
          <informationRequirement id="req"><requiredInput href="#input_notional"/></informationRequirement>
          <literalExpression id="l"><text>%s</text></literalExpression>
        </decision>
      </definitions>
      """;

  @Test
  void aFeelExpressionIteratingAHugeRange_stopsAtTheTimeBudget() {
    CompiledPolicy huge =
        compile(
            "limits:\n  timeBudgetMillis: 300\n",
            Map.of(
                "rate.dmn",
                FEEL_HUGE_RANGE.formatted("count(for i in 1..1000000000 return 0) * 0 + 0.01")));
    long start = System.nanoTime();
    assertThatThrownBy(() -> MarginEngine.decide(huge, REQUEST, false))
        .isInstanceOf(PolicyEvaluationFailed.class)
        .hasMessageContaining("exceeded its time budget of 300 ms");
    long millis = (System.nanoTime() - start) / 1_000_000;
    // FEEL does not look at halts or interrupts: the watchdog stopped the thread after the grace.
    assertThat(millis).isBetween(300L + DecisionGuard.GRACE_MILLIS, 300L + 5_000);
    assertThat(Thread.currentThread().isInterrupted()).as("interrupt cleared").isFalse();
    // The same thread decides the next request.
    assertThat(MarginEngine.decide(good(), REQUEST, false).status()).isNotNull();
  }
}

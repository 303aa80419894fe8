package io.fulcrum.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.policy.CompiledPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.drools.core.common.InternalAgenda;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;

/**
 * Reusing a rule session between decisions must not let one decision see anything of another. A
 * pool that hands back the session as the last decision left it gives wrong statuses (the bug a
 * pooled session once had); the engine's reset ({@link RuleSessions}) gives every decision exactly
 * what a new session gives, after decisions that ended normally and after ones that failed in the
 * middle of a phase.
 */
class RuleSessionReuseTest {

  static MarginRequest request(String id, String wallet) {
    return RequestReader.read(
        """
        {
          "account": {
            "id": "%s",
            "positions": [ { "instrument": "BTCUSDT", "quantity": "1", "entryPrice": "60000" } ],
            "collateral": [ { "asset": "USDT", "amount": "%s" } ],
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
        """
            .formatted(id, wallet));
  }

  static final String FAILING =
      """
      package io.fulcrum.test.good;

      import io.fulcrum.engine.runtime.AccountFact;
      import io.fulcrum.engine.runtime.PositionFact;
      import io.fulcrum.engine.runtime.Parameters;
      import io.fulcrum.engine.decision.DecisionStatus;

      rule "Flat maintenance and initial margin"
        ruleflow-group "requirements"
      when
        $p : PositionFact( hasParameter("Rate") )
      then
        $p.setMaintenanceMargin( $p.getNotional().multiply($p.number("Rate")) );
        $p.setInitialMargin( $p.getNotional().multiply($p.number("Rate")).multiply(java.math.BigDecimal.valueOf(2)) );
      end

      rule "Refuse a tiny wallet"
        ruleflow-group "status"
        salience 100
      when
        $a : AccountFact( walletBalance < 10 )
      then
        $a.raiseFlag("not a name", "");
      end

      rule "Liquidate at the ratio"
        ruleflow-group "status"
        activation-group "status"
        salience 10
      when
        Parameters( $l : number("liquidationMarginRatio") )
        $a : AccountFact( insolvent || (marginRatio != null && marginRatio >= $l) )
      then
        $a.setStatus(DecisionStatus.LIQUIDATE);
      end

      rule "Otherwise OK"
        ruleflow-group "status"
        activation-group "status"
      when
        $a : AccountFact( )
      then
        $a.setStatus(DecisionStatus.OK);
      end
      """;

  /**
   * The pool that once gave wrong statuses: the same session back, as the last decision left it.
   */
  static final class SameSessionAsLeft implements RuleSessionSource {
    KieSession session;

    @Override
    public KieSession acquire(CompiledPolicy policy) {
      if (session == null) {
        session = policy.kieBase().newKieSession();
      }
      return session;
    }

    @Override
    public void release(CompiledPolicy policy, KieSession s) {}

    @Override
    public void discard(KieSession s) {}
  }

  /**
   * One session, reused through the engine's reset ({@link RuleSessions#reset}) after every
   * decision.
   */
  static final class ResetBetweenDecisions implements RuleSessionSource {
    KieSession session;
    int resets;

    @Override
    public KieSession acquire(CompiledPolicy policy) {
      if (session == null) {
        session = policy.kieBase().newKieSession();
      }
      return session;
    }

    @Override
    public void release(CompiledPolicy policy, KieSession s) {
      RuleSessions.reset(s);
      resets++;
    }

    @Override
    public void discard(KieSession s) {
      release(null, s); // reused even after a failure here, to show the reset suffices
    }
  }

  /** The canonical JSON of the decision (with hash), or the failure message. */
  static String decide(CompiledPolicy policy, MarginRequest r, RuleSessionSource source) {
    try {
      MarginDecision d =
          DecisionGuard.run(
              policy.manifest().limits(),
              policy.stamp().ref(),
              g -> new PolicyEvaluation(policy, r, MarketDataSets.none(), true, g, source).run());
      return Json.canonical(d.withHash(MarginEngine.hash(d)));
    } catch (RuntimeException e) {
      return "failed: " + e.getMessage();
    }
  }

  /** The same, in a session nobody used before (a new thread has no sessions). */
  static String fresh(CompiledPolicy policy, MarginRequest r) throws InterruptedException {
    AtomicReference<String> out = new AtomicReference<>();
    Thread t = new Thread(() -> out.set(decide(policy, r, RuleSessions.current())));
    t.start();
    t.join();
    return out.get();
  }

  static DecisionStatus status(String decision) {
    return decision.startsWith("failed")
        ? null
        : DecisionStatus.valueOf(decision.replaceAll(".*\"status\":\"([A-Z_]+)\".*", "$1"));
  }

  /**
   * Wallets 100 (margin ratio 6: LIQUIDATE), 50000 (ratio 0.012: OK) and 5 (a status rule fails),
   * mixed so that every kind of decision follows every other.
   */
  static final List<String> WALLETS =
      List.of("100", "50000", "100", "5", "50000", "5", "100", "100", "50000", "50000");

  @Test
  void aSessionReusedAsTheLastDecisionLeftIt_givesWrongStatuses() throws InterruptedException {
    CompiledPolicy policy = DecisionLimitsTest.compile("", Map.of("flat.drl", FAILING));
    SameSessionAsLeft naive = new SameSessionAsLeft();
    int wrong = 0;
    for (int i = 0; i < WALLETS.size(); i++) {
      MarginRequest r = request("acc-" + i, WALLETS.get(i));
      String expected = fresh(policy, r);
      String reused = decide(policy, r, naive);
      if (!reused.equals(expected)) {
        wrong++;
      }
    }
    // The first decision is right (the session is new); later ones see the facts, the decided
    // activation group and the focus left by earlier decisions.
    assertThat(wrong).isGreaterThan(0);
    String liquidate = fresh(policy, request("x", "100"));
    assertThat(status(liquidate)).isEqualTo(DecisionStatus.LIQUIDATE);
    assertThat(status(decide(policy, request("x", "100"), naive)))
        .isNotEqualTo(DecisionStatus.LIQUIDATE);
  }

  @Test
  void aSessionResetBetweenDecisions_decidesEachExactlyAsANewSession() throws InterruptedException {
    CompiledPolicy policy = DecisionLimitsTest.compile("", Map.of("flat.drl", FAILING));
    ResetBetweenDecisions reused = new ResetBetweenDecisions();
    List<DecisionStatus> statuses = new ArrayList<>();
    for (int i = 0; i < WALLETS.size(); i++) {
      MarginRequest r = request("acc-" + i, WALLETS.get(i));
      String expected = fresh(policy, r);
      assertThat(decide(policy, r, reused)).as("decision %d", i).isEqualTo(expected);
      statuses.add(status(expected));
    }
    assertThat(reused.resets).isEqualTo(WALLETS.size());
    assertThat(statuses)
        .containsExactly(
            DecisionStatus.LIQUIDATE,
            DecisionStatus.OK,
            DecisionStatus.LIQUIDATE,
            null,
            DecisionStatus.OK,
            null,
            DecisionStatus.LIQUIDATE,
            DecisionStatus.LIQUIDATE,
            DecisionStatus.OK,
            DecisionStatus.OK);
  }

  @Test
  void reset_afterADecisionFailedInTheStatusPhase_leavesNothingOfIt() {
    CompiledPolicy policy = DecisionLimitsTest.compile("", Map.of("flat.drl", FAILING));
    SameSessionAsLeft keep = new SameSessionAsLeft();
    assertThat(decide(policy, request("tiny", "5"), keep)).startsWith("failed");
    KieSession s = keep.session;
    assertThat(s.getFactCount()).isPositive();
    assertThat(s.getAgendaEventListeners()).isNotEmpty();

    RuleSessions.reset(s);

    assertThat(s.getFactCount()).isZero();
    assertThat(s.getAgendaEventListeners()).isEmpty();
    assertThat(s.getRuleRuntimeEventListeners()).isEmpty();
    assertThat(s.getGlobals().getGlobalKeys()).isEmpty();
    InternalAgenda agenda = (InternalAgenda) ((StatefulKnowledgeSessionImpl) s).getAgenda();
    assertThat(agenda.getFocusName()).isEqualTo("MAIN");
    assertThat(agenda.sizeOfRuleFlowGroup("status")).isZero();
    assertThat(agenda.sizeOfRuleFlowGroup("requirements")).isZero();
    assertThat(agenda.getActivationGroupsMap().values()).allMatch(g -> g.isEmpty());
    assertThat(s.fireAllRules()).isZero();
  }

  @Test
  void theEngine_reusesOneSessionPerThreadAndPolicy_withDecisionsByteIdentical()
      throws InterruptedException {
    CompiledPolicy policy = DecisionLimitsTest.compile("", Map.of("flat.drl", FAILING));
    for (int i = 0; i < WALLETS.size(); i++) {
      MarginRequest r = request("acc-" + i, WALLETS.get(i));
      String expected = fresh(policy, r);
      String actual;
      try {
        actual = Json.canonical(MarginEngine.decide(policy, r, true));
      } catch (RuntimeException e) {
        actual = "failed: " + e.getMessage();
      }
      assertThat(actual).as("decision %d", i).isEqualTo(expected);
    }
  }
}

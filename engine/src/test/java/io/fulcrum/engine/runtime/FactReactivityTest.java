package io.fulcrum.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.decision.Flag;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.explain.RuleFired;
import io.fulcrum.engine.policy.CompiledPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A value one rule sets with a plain setter is seen by the conditions of later rules of the same
 * phase; a rule is not re-activated by its own setters; an activation group decides once; explicit
 * {@code update} loops still end at the firing limit.
 */
class FactReactivityTest {

  private static final String HEAD =
      """
      package io.fulcrum.test.good;

      import io.fulcrum.engine.runtime.AccountFact;
      import io.fulcrum.engine.runtime.PositionFact;
      import io.fulcrum.engine.runtime.CollateralFact;
      import io.fulcrum.engine.runtime.Parameters;
      import io.fulcrum.engine.decision.DecisionStatus;
      import java.math.BigDecimal;

      rule "Flat maintenance and initial margin"
        ruleflow-group "requirements"
      when
        $p : PositionFact( hasParameter("Rate") )
      then
        $p.setMaintenanceMargin( $p.getNotional().multiply($p.number("Rate")) );
        $p.setInitialMargin( $p.getNotional().multiply($p.number("Rate")).multiply(BigDecimal.valueOf(2)) );
      end
      """;

  private static CompiledPolicy policy(String rules) {
    return DecisionLimitsTest.compile(
        "limits:\n  maxRuleFirings: 100\n", Map.of("flat.drl", HEAD + rules));
  }

  private static List<String> fired(MarginDecision d) {
    return d.explanation().steps().stream()
        .filter(s -> s instanceof RuleFired)
        .map(s -> ((RuleFired) s).rule())
        .toList();
  }

  private static final String OK =
      """
      rule "OK"
        ruleflow-group "status"
        activation-group "status"
      when
        $a : AccountFact( )
      then
        $a.setStatus(DecisionStatus.OK);
      end
      """;

  @Test
  void aMetricSetByOneRule_isSeenByTheConditionsOfLaterRules_inAChain() {
    // Salience runs the readers BEFORE the writers: each reader can only fire once the value it
    // reads was announced. Before setters announced changes, none of the three readers fired.
    MarginDecision d =
        MarginEngine.decide(
            policy(
                OK
                    + """
                    rule "Third: flag from y"
                      ruleflow-group "status"
                      salience 300
                    when
                      $a : AccountFact( hasMetric("y"), metric("y") > 1 )
                    then
                      $a.raiseFlag("yAboveOne", "y " + $a.metric("y"));
                    end

                    rule "Second: y = 2x"
                      ruleflow-group "status"
                      salience 200
                    when
                      $a : AccountFact( hasMetric("x") )
                    then
                      $a.setRatio("y", $a.metric("x").multiply(BigDecimal.valueOf(2)));
                    end

                    rule "First: x = margin ratio"
                      ruleflow-group "status"
                      salience 100
                    when
                      $a : AccountFact( marginRatio != null )
                    then
                      $a.setRatio("x", $a.getMarginRatio().multiply(BigDecimal.TEN));
                    end
                    """),
            DecisionLimitsTest.REQUEST,
            true);
    // margin ratio = 600 / 5000 = 0.12; x = 1.2; y = 2.4
    assertThat(fired(d))
        .containsExactly(
            "Flat maintenance and initial margin",
            "First: x = margin ratio",
            "Second: y = 2x",
            "Third: flag from y",
            "OK");
    assertThat(d.metrics()).containsEntry("x", new java.math.BigDecimal("1.2"));
    assertThat(d.metrics()).containsEntry("y", new java.math.BigDecimal("2.4"));
    assertThat(d.flags()).containsExactly(new Flag("yAboveOne", "Third: flag from y", "y 2.4"));
  }

  @Test
  void aRuleIsNotReactivatedByItsOwnSetters() {
    // The condition reads the metrics and the consequence changes them each time: with Drools'
    // modify semantics this would fire until the firing limit.
    MarginDecision d =
        MarginEngine.decide(
            policy(
                OK
                    + """
                    rule "Counter"
                      ruleflow-group "status"
                      salience 100
                    when
                      $a : AccountFact( !hasMetric("n") || metric("n") >= 0 )
                    then
                      $a.setRatio("n", $a.hasMetric("n") ? $a.metric("n").add(BigDecimal.ONE) : BigDecimal.ONE);
                      $a.raiseFlag("counted", "n " + $a.metric("n"));
                    end
                    """),
            DecisionLimitsTest.REQUEST,
            true);
    assertThat(fired(d)).containsExactly("Flat maintenance and initial margin", "Counter", "OK");
    assertThat(d.metrics()).containsEntry("n", java.math.BigDecimal.ONE);
  }

  @Test
  void anActivationGroupThatDecided_isNotReopenedByALaterChange() {
    // "Margin call" matched too but lost to "Liquidate" (same group). A later rule sets a metric
    // both conditions read; the group has decided, so the status stays LIQUIDATE.
    MarginDecision d =
        MarginEngine.decide(
            policy(
                """
                rule "Liquidate"
                  ruleflow-group "status"
                  activation-group "status"
                  salience 30
                when
                  $a : AccountFact( !hasMetric("late") )
                then
                  $a.setStatus(DecisionStatus.LIQUIDATE);
                end

                rule "Margin call"
                  ruleflow-group "status"
                  activation-group "status"
                  salience 20
                when
                  $a : AccountFact( !hasMetric("late") || metric("late") > 0 )
                then
                  $a.setStatus(DecisionStatus.MARGIN_CALL);
                end

                rule "Late metric"
                  ruleflow-group "status"
                  salience 5
                when
                  $a : AccountFact( )
                then
                  $a.setRatio("late", BigDecimal.ONE);
                end
                """),
            DecisionLimitsTest.REQUEST,
            true);
    assertThat(d.status()).isEqualTo(DecisionStatus.LIQUIDATE);
    assertThat(fired(d))
        .containsExactly("Flat maintenance and initial margin", "Liquidate", "Late metric");
  }

  @Test
  void anExplicitUpdateLoop_stillEndsAtTheFiringLimit() {
    CompiledPolicy endless =
        policy(
            OK
                + """
                rule "Modify loop"
                  ruleflow-group "status"
                  salience 100
                when
                  $a : AccountFact( )
                then
                  update($a);
                end
                """);
    // AccountFact is property-reactive: a bare update re-evaluates every property.
    assertThatThrownBy(() -> MarginEngine.decide(endless, DecisionLimitsTest.REQUEST, false))
        .isInstanceOf(PolicyEvaluationFailed.class)
        .hasMessageContaining("exceeded its rule firing limit: more than 100 rule firings");
  }
}

package io.fulcrum.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.explain.RuleFired;
import io.fulcrum.engine.policy.CompilationProblem;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyCompilationFailed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Positions, collateral and the portfolio requirement do not announce what their setters set: a
 * condition that tests such a value, set with a plain setter by another rule of the same phase,
 * never sees it. The compiler refuses it at the condition; {@code modify}, or the next phase, works
 * and is accepted.
 */
class SamePhaseSetterTest {

  private static final String HEAD =
      """
      package io.fulcrum.test.good;

      import io.fulcrum.engine.runtime.AccountFact;
      import io.fulcrum.engine.runtime.PositionFact;
      import io.fulcrum.engine.runtime.PortfolioRequirement;
      import io.fulcrum.engine.decision.DecisionStatus;
      import java.math.BigDecimal;

      rule "OK"
        ruleflow-group "status"
        activation-group "status"
      when
        $a : AccountFact( )
      then
        $a.setStatus(DecisionStatus.OK);
      end
      """;

  /** Rule "A": the maintenance and initial margin of each position, with plain setters. */
  private static final String PLAIN_WRITER =
      """
      rule "A"
        ruleflow-group "requirements"
        salience 10
      when
        $p : PositionFact( hasParameter("Rate") )
      then
        $p.setMaintenanceMargin( $p.getNotional().multiply($p.number("Rate")) );
        $p.setInitialMargin( $p.getNotional().multiply($p.number("Rate")).multiply(BigDecimal.valueOf(2)) );
      end
      """;

  /**
   * Rule "B" reads the initial margin in its condition, in {@code phase}, and shows what it saw as
   * the liquidation price (the account fact is not in working memory before 'status').
   */
  private static String reader(String phase) {
    return """
        rule "B"
          ruleflow-group "%s"
          salience 100
        when
          $p : PositionFact( initialMargin != null )
        then
          $p.setLiquidationPrice( $p.getInitialMargin() );
        end
        """
        .formatted(phase);
  }

  private static CompiledPolicy compile(String rules) {
    return DecisionLimitsTest.compile(
        "limits:\n  maxRuleFirings: 100\n", Map.of("flat.drl", HEAD + rules));
  }

  private static List<String> problems(String rules) {
    try {
      compile(rules);
    } catch (PolicyCompilationFailed e) {
      return e.problems().stream().map(CompilationProblem::toString).toList();
    }
    throw new AssertionError("compiled");
  }

  private static int lineOf(String rules, String text) {
    List<String> lines = (HEAD + rules).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text);
  }

  private static List<String> fired(MarginDecision d) {
    return d.explanation().steps().stream()
        .filter(s -> s instanceof RuleFired)
        .map(s -> ((RuleFired) s).rule())
        .toList();
  }

  @Test
  void aConditionOnAValueAnotherRuleOfThePhaseSetsWithAPlainSetter_isRefusedAtTheCondition() {
    String rules = PLAIN_WRITER + reader("requirements");
    assertThat(problems(rules))
        .containsExactly(
            "flat.drl:"
                + lineOf(rules, "PositionFact( initialMargin != null )")
                + ": rule \"B\" tests PositionFact.initialMargin, which rule \"A\" (flat.drl:"
                + lineOf(rules, "$p.setInitialMargin(")
                + ") sets with a plain setter in the same phase 'requirements': conditions in"
                + " that phase never see it; test it in phase 'status', or write it with"
                + " modify($p) { setInitialMargin(...) }");
  }

  @Test
  void theSameReadInTheNextPhase_compilesAndSeesTheValue() {
    MarginDecision d =
        MarginEngine.decide(
            compile(PLAIN_WRITER + reader("status")), DecisionLimitsTest.REQUEST, true);
    // notional 60,000 x rate 0.01 x 2
    assertThat(d.positions().get(0).liquidationPrice()).isEqualByComparingTo("1200");
    assertThat(fired(d)).containsExactly("A", "B", "OK");
  }

  @Test
  void theSameDependencyWrittenWithModify_compilesAndFires() {
    // B has the higher salience: it fires only because the modify of A told the session.
    String writer =
        """
        rule "A"
          ruleflow-group "requirements"
          salience 10
        when
          $p : PositionFact( hasParameter("Rate"), initialMargin == null )
        then
          modify($p) {
            setMaintenanceMargin( $p.getNotional().multiply($p.number("Rate")) ),
            setInitialMargin( $p.getNotional().multiply($p.number("Rate")).multiply(BigDecimal.valueOf(2)) )
          }
        end
        """;
    MarginDecision d =
        MarginEngine.decide(
            compile(writer + reader("requirements")), DecisionLimitsTest.REQUEST, true);
    assertThat(d.positions().get(0).liquidationPrice()).isEqualByComparingTo("1200");
    assertThat(fired(d)).containsExactly("A", "B", "OK");
  }

  @Test
  void aPlainSetterFollowedByAnUpdateOfTheFact_isAccepted() {
    String writer =
        PLAIN_WRITER
            .replace("hasParameter(\"Rate\") )", "hasParameter(\"Rate\"), initialMargin == null )")
            .replace("BigDecimal.valueOf(2)) );", "BigDecimal.valueOf(2)) );\n  update($p);");
    MarginDecision d =
        MarginEngine.decide(
            compile(writer + reader("requirements")), DecisionLimitsTest.REQUEST, true);
    assertThat(d.positions().get(0).liquidationPrice()).isEqualByComparingTo("1200");
  }

  @Test
  void aDerivedGetter_isRefusedThroughTheSetterItDependsOn() {
    String rules =
        PLAIN_WRITER
            + """
            rule "C"
              ruleflow-group "requirements"
            when
              $p : PositionFact( marginRatio != null )
            then
              $p.setLiquidationPrice( $p.getMarkPrice() );
            end
            """;
    assertThat(problems(rules))
        .containsExactly(
            "flat.drl:"
                + lineOf(rules, "PositionFact( marginRatio != null )")
                + ": rule \"C\" tests PositionFact.marginRatio (which depends on"
                + " maintenanceMargin), which rule \"A\" (flat.drl:"
                + lineOf(rules, "$p.setMaintenanceMargin(")
                + ") sets with a plain setter in the same phase 'requirements': conditions in"
                + " that phase never see it; test it in phase 'status', or write it with"
                + " modify($p) { setMaintenanceMargin(...) }");
  }

  @Test
  void portfolioComponents_areMatchedByName() {
    String rules =
        PLAIN_WRITER
            + """
            rule "Risk"
              ruleflow-group "requirements"
              salience 50
            when
              $r : PortfolioRequirement( !hasComponent("risk") )
            then
              $r.setComponent("risk", BigDecimal.TEN);
            end

            rule "Buffer"
              ruleflow-group "requirements"
              salience 40
            when
              $r : PortfolioRequirement( !hasComponent("buffer") )
            then
              modify($r) { setComponent("buffer", BigDecimal.ONE) }
            end

            rule "Total"
              ruleflow-group "requirements"
            when
              $r : PortfolioRequirement( hasComponent("buffer"), hasComponent("risk") )
            then
              $r.setInitialMargin( $r.component("risk").add($r.component("buffer")) );
            end
            """;
    // "buffer" is written with modify: fine. "risk" with a plain setter: refused. The guards of
    // Risk and Buffer read only what the rule itself writes.
    assertThat(problems(rules))
        .containsExactly(
            "flat.drl:"
                + lineOf(rules, "hasComponent(\"buffer\"), hasComponent(\"risk\")")
                + ": rule \"Total\" tests PortfolioRequirement.component(\"risk\"), which rule"
                + " \"Risk\" (flat.drl:"
                + lineOf(rules, "$r.setComponent(\"risk\"")
                + ") sets with a plain setter in the same phase 'requirements': conditions in"
                + " that phase never see it; test it in phase 'status', or write it with"
                + " modify($r) { setComponent(...) }");
  }

  @Test
  void aPlainSetterInAFunctionTheConsequenceCalls_countsForTheRule() {
    String rules =
        """
        function void requireInitial(PositionFact p) {
          p.setInitialMargin(p.getNotional());
        }

        rule "A"
          ruleflow-group "requirements"
          salience 10
        when
          $p : PositionFact( )
        then
          requireInitial($p);
        end
        """
            + reader("requirements");
    assertThat(problems(rules))
        .containsExactly(
            "flat.drl:"
                + lineOf(rules, "PositionFact( initialMargin != null )")
                + ": rule \"B\" tests PositionFact.initialMargin, which rule \"A\" (flat.drl:"
                + lineOf(rules, "p.setInitialMargin(")
                + ") sets with a plain setter in the same phase 'requirements': conditions in"
                + " that phase never see it; test it in phase 'status', or write it with"
                + " modify(p) { setInitialMargin(...) }");
  }

  @Test
  void aConditionInStatusOnAValueAStatusRuleSetsPlainly_pointsBackToRequirements() {
    String rules =
        """
        rule "Liquidation price"
          ruleflow-group "status"
          salience 100
        when
          $p : PositionFact( )
        then
          $p.setLiquidationPrice( $p.getMarkPrice() );
        end

        rule "Near liquidation"
          ruleflow-group "status"
        when
          $a : AccountFact( )
          $p : PositionFact( liquidationPrice != null )
        then
          $a.raiseFlag("near", "price " + $p.getLiquidationPrice());
        end
        """;
    assertThatThrownBy(() -> compile(rules))
        .isInstanceOf(PolicyCompilationFailed.class)
        .hasMessageContaining(
            "flat.drl:"
                + lineOf(rules, "PositionFact( liquidationPrice != null )")
                + ": rule \"Near liquidation\" tests PositionFact.liquidationPrice, which rule"
                + " \"Liquidation price\" (flat.drl:"
                + lineOf(rules, "$p.setLiquidationPrice(")
                + ") sets with a plain setter in the same phase 'status': conditions in that"
                + " phase never see it; set it in phase 'requirements', or write it with"
                + " modify($p) { setLiquidationPrice(...) }");
  }
}

package io.fulcrum.engine.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.policy.CompiledPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A rule that fails names the rule with its file and line. What policy code wrote into its own
 * exception is never repeated; the engine's own messages (a parameter no table set) are.
 */
class RuleFailureTest {

  private static CompiledPolicy withConsequence(String code) {
    String drl =
        """
        package io.fulcrum.test.failing;

        import io.fulcrum.engine.runtime.AccountFact;
        import io.fulcrum.engine.runtime.PositionFact;

        rule "Failing"
          ruleflow-group "requirements"
        when
          $p : PositionFact( )
        then
          %s
        end
        """
            .formatted(code);
    return DecisionLimitsTest.compile("", Map.of("flat.drl", drl));
  }

  @Test
  void anExceptionThrownByPolicyCode_isReportedByRuleFileAndLine_withoutItsMessage() {
    CompiledPolicy policy =
        withConsequence("throw new IllegalStateException(\"SECRET \" + $p.getInstrument());");
    assertThatThrownBy(() -> MarginEngine.decide(policy, DecisionLimitsTest.REQUEST, false))
        .isInstanceOf(PolicyEvaluationFailed.class)
        .hasMessage(
            "policy good@1: rule \"Failing\" (flat.drl:6) failed with"
                + " java.lang.IllegalStateException")
        .hasNoCause();
  }

  @Test
  void aFailureOfTheFactApi_keepsTheEnginesMessage() {
    // A computed name: a literal unknown name is refused at compile time (PolicyNamesTest).
    CompiledPolicy policy = withConsequence("$p.setInitialMargin($p.number(\"no\" + \"pe\"));");
    assertThatThrownBy(() -> MarginEngine.decide(policy, DecisionLimitsTest.REQUEST, false))
        .isInstanceOf(PolicyEvaluationFailed.class)
        .hasMessageStartingWith("policy good@1: rule \"Failing\" (flat.drl:6): parameter 'nope'")
        .hasMessageContaining("not set by any decision table");
  }
}

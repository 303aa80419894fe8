package io.fulcrum.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.decision.Flag;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.explain.ExplanationText;
import io.fulcrum.engine.explain.RuleFired;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.policy.CompiledPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Flags: warnings short of a margin call, raised by rules with {@code AccountFact.raiseFlag}; the
 * engine records the raising rule, sorts them by name then rule, and writes them in the JSON, the
 * text rendering and the explanation. Decisions without flags have no {@code flags} key.
 */
class FlagsTest {

  /** The "good" test policy plus two status rules raising flags (salience above the status). */
  private static CompiledPolicy withFlagRules(String rules) {
    String drl =
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

        rule "Otherwise OK"
          ruleflow-group "status"
          activation-group "status"
        when
          $a : AccountFact( )
        then
          $a.setStatus(DecisionStatus.OK);
        end
        """
            + rules;
    return DecisionLimitsTest.compile("", Map.of("flat.drl", drl));
  }

  private static final String TWO_FLAGS =
      """
      rule "Z rule raises b"
        ruleflow-group "status"
        salience 50
      when
        $a : AccountFact( )
      then
        $a.raiseFlag("bigWallet", "wallet " + $a.getWalletBalance() + " > 1000");
      end

      rule "Y rule raises a"
        ruleflow-group "status"
        salience 40
      when
        $a : AccountFact( )
      then
        $a.raiseFlag("anyPosition", "");
      end

      rule "A rule also raises b"
        ruleflow-group "status"
        salience 30
      when
        $a : AccountFact( )
      then
        $a.raiseFlag("bigWallet", "again");
      end
      """;

  @Test
  void flags_carryTheRaisingRule_sortedByNameThenRule() {
    MarginDecision d =
        MarginEngine.decide(withFlagRules(TWO_FLAGS), DecisionLimitsTest.REQUEST, false);
    assertThat(d.flags())
        .containsExactly(
            new Flag("anyPosition", "Y rule raises a", ""),
            new Flag("bigWallet", "A rule also raises b", "again"),
            new Flag("bigWallet", "Z rule raises b", "wallet 5000 > 1000"));
  }

  @Test
  void flags_areInTheJsonTextAndExplanation() {
    MarginDecision d =
        MarginEngine.decide(withFlagRules(TWO_FLAGS), DecisionLimitsTest.REQUEST, true);
    String json = Json.canonical(d);
    assertThat(json)
        .contains(
            "\"flags\":[{\"name\":\"anyPosition\",\"raisedBy\":\"Y rule raises a\",\"detail\":\"\"},"
                + "{\"name\":\"bigWallet\",\"raisedBy\":\"A rule also raises b\",\"detail\":\"again\"},"
                + "{\"name\":\"bigWallet\",\"raisedBy\":\"Z rule raises b\","
                + "\"detail\":\"wallet 5000 > 1000\"}],\"positions\":");
    // Read back (the service renders stored decisions this way): same flags, same bytes.
    MarginDecision back = readBack(json);
    assertThat(back.flags()).isEqualTo(d.flags());
    assertThat(Json.canonical(back)).isEqualTo(json);

    String text = ExplanationText.render(d);
    assertThat(text)
        .contains("Flag anyPosition raised by rule 'Y rule raises a'\n")
        .contains("Flag bigWallet raised by rule 'A rule also raises b': again\n")
        .contains("Flag bigWallet raised by rule 'Z rule raises b': wallet 5000 > 1000\n")
        .contains(
            "rule 'Z rule raises b' [status] on account set flag bigWallet (wallet 5000 > 1000)");
    assertThat(d.explanation().steps())
        .filteredOn(s -> s instanceof RuleFired r && r.rule().equals("Z rule raises b"))
        .singleElement()
        .satisfies(
            s ->
                assertThat(((RuleFired) s).set())
                    .containsExactly(
                        new RuleFired.Assignment(
                            "account", "flag bigWallet", "wallet 5000 > 1000")));
  }

  @Test
  void aDecisionWithoutFlags_hasNoFlagsKey() {
    MarginDecision d =
        MarginEngine.decide(DecisionLimitsTest.good(), DecisionLimitsTest.REQUEST, true);
    assertThat(d.flags()).isEmpty();
    assertThat(Json.canonical(d)).doesNotContain("flags");
    assertThat(ExplanationText.render(d)).doesNotContain("Flag ");
  }

  @Test
  void aFlagNameThatIsNotAName_failsTheDecisionNamingTheRule() {
    CompiledPolicy policy =
        withFlagRules(
            """
            rule "Bad flag"
              ruleflow-group "status"
              salience 50
            when
              $a : AccountFact( )
            then
              $a.raiseFlag("high leverage", "x");
            end
            """);
    assertThatThrownBy(() -> MarginEngine.decide(policy, DecisionLimitsTest.REQUEST, false))
        .isInstanceOf(PolicyEvaluationFailed.class)
        .hasMessage(
            "policy good@1: rule \"Bad flag\" (flat.drl:25): flag name 'high leverage' is not a"
                + " name: letters, digits and _, starting with a letter");
  }

  private static MarginDecision readBack(String json) {
    try {
      return Json.mapper().readValue(json, MarginDecision.class);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}

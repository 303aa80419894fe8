package io.fulcrum.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.decision.Flag;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.explain.ExplanationText;
import io.fulcrum.engine.explain.RuleFired;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import io.fulcrum.rules.ShippedPolicies.Perps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #11, the rule-author contract: a rule written the obvious way reads a metric an earlier
 * rule of the same phase set with a plain setter ({@code $a.setRatio("effectiveLeverage", ...)} in
 * tiered-perps@2). Before setters told the session, this rule never fired. The bundle is a copy of
 * tiered-perps@2 with exactly that rule added.
 */
class ObviousRuleTest {

  static final String RULE_NAME = "High effective leverage, written the obvious way";
  static final String OBVIOUS_RULE =
      """

      rule "High effective leverage, written the obvious way"
        ruleflow-group "status"
      when
        $a : AccountFact( hasMetric("effectiveLeverage"), metric("effectiveLeverage") > 20 )
      then
        $a.raiseFlag("highEffectiveLeverage", "effective leverage " + $a.metric("effectiveLeverage") + " > 20");
      end
      """;

  @TempDir Path library;

  private MarginEngine engineWithTheObviousRule() throws Exception {
    Path v2 = library.resolve("tiered-perps/2");
    Files.createDirectories(v2);
    try (var files = Files.list(Path.of("tiered-perps/2"))) {
      for (Path f : files.toList()) {
        Files.copy(f, v2.resolve(f.getFileName()));
      }
    }
    Files.writeString(
        v2.resolve("margin.drl"),
        OBVIOUS_RULE,
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    return MarginEngine.over(PolicyLibrary.at(library));
  }

  @Test
  void theObviousRuleFires_onAMetricAnEarlierRuleSetWithAPlainSetter() throws Exception {
    // Cross long 4.4 BTC at 60,000, wallet 10,000: effective leverage 264,000 / 10,000 = 26.4.
    MarginDecision d =
        engineWithTheObviousRule()
            .decide(
                PolicyRef.parse("tiered-perps@2"),
                new Perps().wallet("10000").cross("4.4", "60000", "20").request(),
                true);
    assertThat(d.flags())
        .containsExactly(
            new Flag("highEffectiveLeverage", RULE_NAME, "effective leverage 26.4 > 20"));
    assertThat(d.explanation().steps())
        .filteredOn(s -> s instanceof RuleFired r && r.rule().equals(RULE_NAME))
        .singleElement()
        .satisfies(
            s ->
                assertThat(((RuleFired) s).set())
                    .containsExactly(
                        new RuleFired.Assignment(
                            "account",
                            "flag highEffectiveLeverage",
                            "effective leverage 26.4 > 20")));
    assertThat(Json.canonical(d)).contains("\"raisedBy\":\"" + RULE_NAME + "\"");
    assertThat(ExplanationText.render(d))
        .contains("Flag highEffectiveLeverage raised by rule '" + RULE_NAME + "'");
    // Everything else is tiered-perps@2's decision.
    MarginDecision shipped =
        ShippedPolicies.decide(
            "tiered-perps@2", new Perps().wallet("10000").cross("4.4", "60000", "20").request());
    assertThat(d.status()).isEqualTo(shipped.status());
    assertThat(d.metrics()).isEqualTo(shipped.metrics());
    assertThat(d.positions()).isEqualTo(shipped.positions());
  }

  @Test
  void belowTheLimit_theObviousRuleDoesNotFire() throws Exception {
    // wallet 20,000: 264,000 / 20,000 = 13.2
    MarginDecision d =
        engineWithTheObviousRule()
            .decide(
                PolicyRef.parse("tiered-perps@2"),
                new Perps().wallet("20000").cross("4.4", "60000", "20").request(),
                true);
    assertThat(d.metrics().get("effectiveLeverage")).isEqualByComparingTo("13.2");
    assertThat(d.flags()).isEmpty();
  }
}

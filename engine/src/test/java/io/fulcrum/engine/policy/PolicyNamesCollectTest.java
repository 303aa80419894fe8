package io.fulcrum.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.expr.MethodCallExpr;
import io.fulcrum.engine.runtime.AccountFact;
import io.fulcrum.engine.runtime.PortfolioRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Flags are collected from {@code raiseFlag} literals (the fact API method comes with the flags
 * change; only the call's shape matters here), and a flag tested but never raised is refused.
 */
class PolicyNamesCollectTest {

  private static List<PolicyNames.Use> collect(Class<?> receiver, String call) {
    List<PolicyNames.Use> uses = new ArrayList<>();
    PolicyNames.collect(receiver, (MethodCallExpr) StaticJavaParser.parseExpression(call), uses);
    return uses.stream().map(u -> u.at("margin.drl", 40 + u.line())).toList();
  }

  @Test
  void raiseFlagLiterals_areFlagsTheVocabularyLists() {
    List<PolicyNames.Use> uses = new ArrayList<>();
    uses.addAll(collect(AccountFact.class, "$a.raiseFlag(\"highLeverage\", \"leverage \" + $lev)"));
    uses.addAll(collect(AccountFact.class, "$a.raiseFlag($name, \"computed: not collected\")"));
    uses.addAll(collect(AccountFact.class, "$a.hasFlag(\"highLeverag\")"));
    uses.addAll(collect(PortfolioRequirement.class, "$r.setComponent(\"riskMargin\", $x)"));
    assertThat(uses)
        .containsExactly(
            new PolicyNames.Use("margin.drl", 41, PolicyNames.Kind.FLAG, "highLeverage", true),
            new PolicyNames.Use("margin.drl", 41, PolicyNames.Kind.FLAG, "highLeverag", false),
            new PolicyNames.Use("margin.drl", 41, PolicyNames.Kind.COMPONENT, "riskMargin", true));
    PolicyNames.Known known = new PolicyNames.Known(Set.of(), Set.of(), Set.of());
    assertThat(PolicyNames.check(uses, known))
        .extracting(CompilationProblem::toString)
        .containsExactly(
            "margin.drl:41: unknown flag 'highLeverag' (did you mean 'highLeverage'?): no rule"
                + " raises it (raiseFlag); rules raise: highLeverage");
    PolicyVocabulary v = PolicyNames.vocabulary(uses, known, List.of("Flag high leverage"));
    assertThat(v.flags()).containsExactly("highLeverage");
    assertThat(v.components()).containsExactly("riskMargin");
    assertThat(v.ruleNames()).containsExactly("Flag high leverage");
  }
}

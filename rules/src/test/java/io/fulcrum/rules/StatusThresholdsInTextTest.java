package io.fulcrum.rules;

import static io.fulcrum.rules.ShippedPolicies.lending;
import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.explain.ExplanationStep;
import io.fulcrum.engine.explain.ExplanationText;
import io.fulcrum.engine.explain.RuleFired;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.policy.PolicyBundle;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.policy.PolicySource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every number in the conditions of the rule that decided a status (the levels compared: a
 * parameter read with {@code number("...")}, or a literal) appears on the status lines of the text
 * of the decisions that rule decided, as written ("1.1") or as a percentage ("80%" for 0.8), for
 * every shipped policy version, over the example requests and accounts built to reach every status.
 * The DRL is read from the bundle itself, so a new status rule or level is checked too.
 */
class StatusThresholdsInTextTest {

  private static final Pattern RULE =
      Pattern.compile(
          "rule\\s+\"([^\"]+)\"(.*?)\\bwhen\\b(.*?)\\bthen\\b(.*?)\\bend\\b", Pattern.DOTALL);
  private static final Pattern PARAMETER = Pattern.compile("number\\(\"(\\w+)\"\\)");
  private static final Pattern LITERAL = Pattern.compile("(?<![\\w.\"])\\d+(?:\\.\\d+)?(?![\\w.])");

  @Test
  void everyLevelAStatusRuleCompares_isInTheTextOfTheDecisionsItDecides() throws Exception {
    PolicySource shipped = PolicySource.directory(Path.of(".").toAbsolutePath().normalize());
    Set<String> checkedRules = new TreeSet<>();
    Set<String> numberedRules = new TreeSet<>();
    int checkedNumbers = 0;
    for (String id : shipped.ids()) {
      for (String version : shipped.versions(id)) {
        PolicyRef ref = PolicyRef.of(id, version);
        PolicyBundle bundle = shipped.load(ref);
        Map<String, Set<String>> levels = statusRuleLevels(bundle);
        levels.forEach(
            (rule, n) -> {
              if (!n.isEmpty()) numberedRules.add(ref + " " + rule);
            });
        for (MarginRequest request : requests()) {
          MarginDecision d;
          try {
            d = ShippedPolicies.ENGINE.decide(ref, request, true);
          } catch (RuntimeException notForThisPolicy) {
            continue; // e.g. a lending account under a perpetuals policy, or no price history
          }
          String rule = statusRule(d);
          String text = ExplanationText.render(d, bundle.manifest());
          String statusLines = text.lines().skip(1).limit(2).reduce("", (a, b) -> a + b + "\n");
          for (String number : levels.getOrDefault(rule, Set.of())) {
            assertThat(appears(statusLines, new BigDecimal(number)))
                .as(
                    "%s: rule '%s' compares %s, which the status lines must show:%n%s",
                    ref, rule, number, statusLines)
                .isTrue();
            checkedNumbers++;
          }
          checkedRules.add(ref + " " + rule);
        }
      }
    }
    // Not vacuous: the margin-call and liquidation rules of the tiered-perps and collateral-health
    // versions were reached and their levels checked.
    for (String known : numberedRules) {
      if (known.startsWith("tiered-perps@") || known.startsWith("collateral-health@")) {
        if (!known.contains("isolated")) {
          assertThat(checkedRules).as("a decision reached " + known).contains(known);
        }
      }
    }
    assertThat(checkedNumbers).isGreaterThanOrEqualTo(20);
  }

  /** Rule name -> the numbers its conditions compare, for the rules that set a status. */
  private static Map<String, Set<String>> statusRuleLevels(PolicyBundle bundle) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (String file : bundle.manifest().rules()) {
      if (!file.endsWith(".drl")) {
        continue; // spreadsheet tables here set metrics, not statuses
      }
      Matcher m = RULE.matcher(bundle.text(file));
      while (m.find()) {
        if (!m.group(4).contains("setStatus(")) {
          continue;
        }
        Set<String> numbers = new LinkedHashSet<>();
        String when = m.group(3).replaceAll("//[^\n]*", "");
        Matcher p = PARAMETER.matcher(when);
        while (p.find()) {
          Object value = bundle.manifest().parameters().get(p.group(1));
          if (value instanceof BigDecimal b) {
            numbers.add(b.toPlainString());
          }
        }
        Matcher l = LITERAL.matcher(when.replaceAll("\"[^\"]*\"", ""));
        while (l.find()) {
          numbers.add(l.group());
        }
        out.put(m.group(1), numbers);
      }
    }
    return out;
  }

  private static String statusRule(MarginDecision d) {
    String rule = null;
    for (ExplanationStep s : d.explanation().steps()) {
      if (s instanceof RuleFired r && r.set().stream().anyMatch(a -> a.field().equals("status"))) {
        rule = r.rule();
      }
    }
    return rule;
  }

  /** As written ("1.1", "1") or as a percentage ("80%"), not inside a longer number. */
  static boolean appears(String text, BigDecimal n) {
    List<String> forms = new ArrayList<>();
    forms.add(n.stripTrailingZeros().toPlainString());
    forms.add(n.movePointRight(2).stripTrailingZeros().toPlainString() + "%");
    for (String form : forms) {
      if (Pattern.compile("(?<![0-9.,])" + Pattern.quote(form) + "(?![0-9]|[.,][0-9])")
          .matcher(text)
          .find()) {
        return true;
      }
    }
    return false;
  }

  private static List<MarginRequest> requests() throws Exception {
    List<MarginRequest> all = new ArrayList<>();
    try (var files = Files.list(Path.of("../examples"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        try {
          all.add(RequestReader.read(Files.readString(p, StandardCharsets.UTF_8)));
        } catch (RuntimeException notARequest) {
          // e.g. an orders file for what-if
        }
      }
    }
    // Cross long 2 from 61,000: OK at 61,000, margin call at 58,000, liquidated at 57,900.
    for (String mark : new String[] {"61000", "58000", "57900"}) {
      all.add(
          new ShippedPolicies.Perps()
              .wallet("6600")
              .mark(mark)
              .cross("2", "61000", "20")
              .request());
    }
    // Health factors 1.333 (OK), 1.0667 (margin call), 0.9867 and 0.8 (liquidation).
    for (String debt : new String[] {"6000", "7500", "8108.11", "10000"}) {
      all.add(
          lending(Map.of("ETH", "5"), Map.of("USDC", debt), Map.of("ETH", "2000", "USDC", "1")));
    }
    return all;
  }

  @Test
  void appears_matchesWholeNumbersOnly() {
    assertThat(appears("reached the margin-call level 80% (x)", new BigDecimal("0.8"))).isTrue();
    assertThat(appears("the liquidation level 1.1 (x)", new BigDecimal("1"))).isFalse();
    assertThat(appears("the level 1 (x)", new BigDecimal("1.0"))).isTrue();
    assertThat(appears("ratio 180%", new BigDecimal("0.8"))).isFalse();
  }
}

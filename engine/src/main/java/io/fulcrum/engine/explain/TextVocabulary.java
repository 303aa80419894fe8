package io.fulcrum.engine.explain;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.policy.MetricDisplay;
import io.fulcrum.engine.policy.PolicyManifest;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the text calls a decision's figures and which measure the policy decided by: the manifest's
 * {@code metrics:} declarations when the caller has the manifest, else the conventions of the
 * shipped policies (margin ratio against liquidationMarginRatio / marginCallRatio, health factor
 * against liquidationHealthFactor / marginCallHealthFactor), else the figure's name in words.
 * Threshold values are the policy parameters the decision's rules matched (recorded in the
 * explanation), or the manifest's.
 */
final class TextVocabulary {

  /** The measure the status was decided by, with its two levels (either may be null). */
  record Deciding(
      String name,
      MetricDisplay display,
      String liquidationParameter,
      BigDecimal liquidationLevel,
      String marginCallParameter,
      BigDecimal marginCallLevel) {}

  private static final Map<String, MetricDisplay> CONVENTIONS =
      Map.of(
          "marginRatio",
          new MetricDisplay(
              "margin ratio",
              "%",
              2,
              "liquidationMarginRatio",
              "marginCallRatio",
              MetricDisplay.AT_OR_ABOVE),
          "healthFactor",
          new MetricDisplay(
              "health factor",
              "",
              4,
              "liquidationHealthFactor",
              "marginCallHealthFactor",
              MetricDisplay.BELOW),
          "effectiveLeverage",
          new MetricDisplay("effective leverage", "x", 2, null, null, null));

  /** "parameters {a=1, b=0.8}" as the engine describes the Parameters fact a rule matched. */
  private static final Pattern PARAMETER = Pattern.compile("(\\w+)=(-?[0-9][0-9.Ee+-]*)(?=[,}])");

  private final Map<String, MetricDisplay> declared;
  private final SortedMap<String, BigDecimal> parameters = new TreeMap<>();

  TextVocabulary(MarginDecision d, PolicyManifest manifest) {
    this.declared = manifest == null ? Map.of() : manifest.metrics();
    if (manifest != null) {
      manifest
          .parameters()
          .forEach(
              (k, v) -> {
                if (v instanceof BigDecimal b) {
                  parameters.put(k, b);
                }
              });
    }
    for (ExplanationStep step : d.explanation().steps()) {
      if (step instanceof RuleFired r) {
        for (String fact : r.matched()) {
          if (fact.startsWith("parameters {")) {
            Matcher m = PARAMETER.matcher(fact);
            while (m.find()) {
              parameters.putIfAbsent(m.group(1), new BigDecimal(m.group(2)));
            }
          }
        }
      }
    }
  }

  MetricDisplay display(String name) {
    MetricDisplay d = declared.get(name);
    if (d == null) {
      d = CONVENTIONS.get(name);
    }
    return d == null ? MetricDisplay.undeclared(name) : d;
  }

  /**
   * A figure as declared (scale and unit), or as before declarations existed: rates and ratios as
   * percentages, other numbers with up to 8 decimals.
   */
  String format(String name, BigDecimal value, String currency) {
    MetricDisplay d = declared.containsKey(name) ? declared.get(name) : CONVENTIONS.get(name);
    return d != null ? TextNumbers.metric(value, d, currency) : ExplanationText.number(name, value);
  }

  /** The declared deciding measure, else the first convention whose levels the rules matched. */
  Optional<Deciding> deciding(MarginDecision d) {
    for (var e : declared.entrySet()) {
      if (e.getValue().decides()) {
        return Optional.of(deciding(e.getKey(), e.getValue()));
      }
    }
    for (String name : new String[] {"healthFactor", "marginRatio"}) {
      MetricDisplay c = CONVENTIONS.get(name);
      boolean known =
          parameters.containsKey(c.liquidation()) || parameters.containsKey(c.marginCall());
      boolean measured = name.equals("marginRatio") || d.metrics().containsKey(name);
      if (known && measured && !declared.containsKey(name)) {
        return Optional.of(deciding(name, c));
      }
    }
    return Optional.empty();
  }

  private Deciding deciding(String name, MetricDisplay m) {
    return new Deciding(
        name,
        m,
        m.liquidation(),
        m.liquidation() == null ? null : parameters.get(m.liquidation()),
        m.marginCall(),
        m.marginCall() == null ? null : parameters.get(m.marginCall()));
  }
}

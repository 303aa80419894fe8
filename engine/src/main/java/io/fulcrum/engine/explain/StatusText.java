package io.fulcrum.engine.explain;

import static io.fulcrum.engine.explain.TextNumbers.money;

import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.explain.TextVocabulary.Deciding;
import io.fulcrum.engine.policy.MetricDisplay;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * The status lines: the measure the policy decided by, its value, the level it reached (or stayed
 * clear of) with the parameter that holds the level, and how the measure is computed. A policy
 * without a deciding measure gets the comparison of margin balance with both requirements.
 */
final class StatusText {

  private static final BigDecimal SAME = new BigDecimal("1e-8");

  private StatusText() {}

  static boolean setsStatus(RuleFired r) {
    return r.set().stream()
        .anyMatch(a -> a.target().equals("account") && a.field().equals("status"));
  }

  static void append(StringBuilder out, MarginDecision d, TextVocabulary words) {
    String rule = ExplanationText.setBy(d.explanation().steps(), "account", "status").orElse(null);
    out.append("Status ").append(d.status()).append(": ");
    Optional<Deciding> deciding = words.deciding(d);
    out.append(comparison(d, words).orElseGet(() -> requirements(d)));
    if (rule != null) {
      out.append("; rule '").append(rule).append('\'');
    }
    out.append('\n');
    deciding.ifPresent(k -> out.append("  ").append(formula(d, k)).append('\n'));
  }

  /**
   * "margin ratio 88.33% reached the margin-call level 80% (marginCallRatio) and is below the
   * liquidation level 100% (liquidationMarginRatio)", or empty without a deciding measure.
   */
  static Optional<String> comparison(MarginDecision d, TextVocabulary words) {
    Optional<Deciding> found = words.deciding(d);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Deciding k = found.get();
    MetricDisplay m = k.display();
    BigDecimal value = value(d, k.name());
    if (value == null) {
      return Optional.of(missing(d, k));
    }
    String shown = m.display() + " " + TextNumbers.metric(value, m, d.currency());
    String liq = level("liquidation", k.liquidationLevel(), k.liquidationParameter(), m);
    String call = level("margin-call", k.marginCallLevel(), k.marginCallParameter(), m);
    boolean breachesLiq = k.liquidationLevel() != null && m.breaches(value, k.liquidationLevel());
    boolean breachesCall = k.marginCallLevel() != null && m.breaches(value, k.marginCallLevel());
    String reached = m.breach().equals(MetricDisplay.AT_OR_ABOVE) ? "reached" : "is below";
    String clear = m.breach().equals(MetricDisplay.AT_OR_ABOVE) ? "is below" : "is at or above";
    StringBuilder s = new StringBuilder(shown).append(' ');
    if (breachesLiq) {
      s.append(reached).append(' ').append(liq);
    } else if (breachesCall) {
      s.append(reached).append(' ').append(call);
      if (liq != null) {
        s.append(" and ").append(clear).append(' ').append(liq);
      }
    } else {
      s.append(clear).append(' ').append(call != null ? call : liq);
    }
    if (d.status() == DecisionStatus.LIQUIDATE && !breachesLiq) {
      s.append("; the account is liquidated by another condition of the rule below");
    }
    return Optional.of(s.toString());
  }

  private static String level(String what, BigDecimal value, String parameter, MetricDisplay m) {
    if (value == null) {
      return null;
    }
    return "the " + what + " level " + TextNumbers.level(value, m) + " (" + parameter + ")";
  }

  private static BigDecimal value(MarginDecision d, String name) {
    return name.equals("marginRatio") ? d.marginRatio() : d.metrics().get(name);
  }

  private static String missing(MarginDecision d, Deciding k) {
    if (k.name().equals("marginRatio")) {
      return "margin ratio n/a: the margin balance "
          + money(d.marginBalance(), d.currency())
          + " is not positive while the maintenance margin is "
          + money(d.maintenanceMargin(), d.currency());
    }
    return k.display().display() + " n/a (not set: the measure does not apply, e.g. no debt)";
  }

  /** Without a deciding measure: margin balance against maintenance and initial margin. */
  private static String requirements(MarginDecision d) {
    String c = d.currency();
    return "margin balance "
        + money(d.marginBalance(), c)
        + " is "
        + (d.marginBalance().compareTo(d.maintenanceMargin()) < 0 ? "below" : "at or above")
        + " the maintenance margin "
        + money(d.maintenanceMargin(), c)
        + " and "
        + (d.marginBalance().compareTo(d.initialMargin()) < 0 ? "below" : "at or above")
        + " the initial margin "
        + money(d.initialMargin(), c);
  }

  /** How the deciding measure is computed, with this decision's values. */
  private static String formula(MarginDecision d, Deciding k) {
    String c = d.currency();
    if (k.name().equals("marginRatio")) {
      return "margin ratio = maintenance margin "
          + money(d.maintenanceMargin(), c)
          + " / margin balance "
          + money(d.marginBalance(), c);
    }
    String rule =
        ExplanationText.setBy(d.explanation().steps(), "account", k.name())
            .map(r -> " (rule '" + r + "')")
            .orElse("");
    BigDecimal value = d.metrics().get(k.name());
    BigDecimal debt = debts(d);
    if (k.name().equals("healthFactor") && value != null && debt.signum() > 0) {
      BigDecimal counted = d.walletBalance().subtract(d.maintenanceMargin());
      BigDecimal hf = counted.divide(debt, MathContext.DECIMAL128);
      if (hf.subtract(value).abs().compareTo(SAME) <= 0) {
        return "health factor = collateral at its liquidation thresholds (collateral "
            + money(d.walletBalance(), c)
            + " - maintenance haircuts "
            + money(d.maintenanceMargin(), c)
            + " = "
            + money(counted, c)
            + ") / debt "
            + money(debt, c)
            + rule;
      }
    }
    return k.display().display() + " as the policy's rule computes it" + rule;
  }

  static BigDecimal debts(MarginDecision d) {
    for (ExplanationStep s : d.explanation().steps()) {
      if (s instanceof Calculation c
          && c.name().equals("account totals")
          && c.inputs().get("debtValue") instanceof BigDecimal b) {
        return b;
      }
    }
    return BigDecimal.ZERO;
  }
}

package io.fulcrum.engine.explain;

import static io.fulcrum.engine.explain.TextNumbers.money;
import static io.fulcrum.engine.explain.TextNumbers.percent;
import static io.fulcrum.engine.explain.TextNumbers.plain;

import io.fulcrum.engine.decision.Flag;
import io.fulcrum.engine.decision.LiquidationMove;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.decision.PositionFigures;
import io.fulcrum.engine.explain.RuleFired.Assignment;
import io.fulcrum.engine.explain.TableHit.TableRow;
import io.fulcrum.engine.policy.MetricDisplay;
import io.fulcrum.engine.policy.PolicyManifest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The human-readable rendering of a decision, written as a compliance reviewer would: the status
 * with the measure the policy decided by, its value and the level it was compared with; every
 * figure with its formula and the named inputs and their values; caps and choices said; the
 * liquidation move per underlying; then every step in order. Figures read as the manifest's {@code
 * metrics:} declare ({@link MetricDisplay}) when the manifest is given, else by the shipped
 * conventions ({@link TextVocabulary}). Deterministic and locale-independent ({@link TextNumbers}).
 */
public final class ExplanationText {

  private ExplanationText() {}

  /** The text of {@code d} with the shipped conventions for figure names and levels. */
  public static String render(MarginDecision d) {
    return render(d, null);
  }

  /**
   * The text of {@code d}, figures named as {@code manifest} declares them (null: the shipped
   * conventions). Pass the manifest of the policy that decided {@code d}.
   */
  public static String render(MarginDecision d, PolicyManifest manifest) {
    TextVocabulary words = new TextVocabulary(d, manifest);
    List<ExplanationStep> steps = d.explanation().steps();
    StringBuilder out = new StringBuilder();
    out.append("Decision for account ")
        .append(d.accountId())
        .append(" under policy ")
        .append(d.policy().ref())
        .append(" (bundle ")
        .append(d.policy().hash(), 0, 12)
        .append("), market as of ")
        .append(d.asOf())
        .append('\n');
    StatusText.append(out, d, words);
    out.append(balanceLine(d)).append('\n');
    out.append("Initial margin ")
        .append(money(d.initialMargin(), d.currency()))
        .append(", maintenance margin ")
        .append(money(d.maintenanceMargin(), d.currency()))
        .append(" (sums of the positions' and collateral's requirements)\n");
    d.metrics()
        .forEach(
            (k, v) -> {
              MetricDisplay m = words.display(k);
              out.append(m.display())
                  .append(' ')
                  .append(words.format(k, v, d.currency()))
                  .append(setBy(steps, "account", k).map(r -> " (rule '" + r + "')").orElse(""))
                  .append('\n');
            });
    for (Flag f : d.flags()) {
      out.append("Flag ")
          .append(f.name())
          .append(" raised by rule '")
          .append(f.raisedBy())
          .append('\'')
          .append(f.detail().isEmpty() ? "" : ": " + f.detail())
          .append('\n');
    }
    boolean anyPrice =
        d.positions().stream().anyMatch(p -> p.liquidationPrice() != null)
            || steps.stream()
                .anyMatch(
                    s ->
                        s instanceof RuleFired r
                            && r.set().stream()
                                .anyMatch(a -> a.field().equals("liquidationPrice")));
    if (!anyPrice) {
      out.append("Liquidation price: none applies under this policy (no rule sets one)")
          .append(
              d.liquidationMoves().isEmpty()
                  ? ""
                  : "; the equivalent, the price at which the account reaches its levels, follows")
          .append('\n');
    }
    for (LiquidationMove m : d.liquidationMoves()) {
      MoveText.append(out, m, words, d);
    }
    for (PositionFigures p : d.positions()) {
      out.append('\n');
      PositionText.append(out, p, steps, d.currency());
    }
    if (!d.explanation().captured()) {
      return out.append("\n(explanation capture was off for this decision)\n").toString();
    }
    out.append("\nSteps:\n");
    int i = 1;
    for (ExplanationStep step : steps) {
      out.append(String.format(Locale.ROOT, "%3d. ", i++)).append(line(step));
      if (step instanceof RuleFired r && StatusText.setsStatus(r)) {
        StatusText.comparison(d, words).ifPresent(c -> out.append(" (").append(c).append(')'));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * "Margin balance B = wallet W - debts D + unrealised P&L U [+ isolated margins I]", with the
   * debts the engine's account totals recorded (0 when not captured) and the isolated margins the
   * remainder.
   */
  private static String balanceLine(MarginDecision d) {
    BigDecimal debts = BigDecimal.ZERO;
    for (ExplanationStep s : d.explanation().steps()) {
      if (s instanceof Calculation c
          && c.name().equals("account totals")
          && c.inputs().get("debtValue") instanceof BigDecimal b) {
        debts = b;
      }
    }
    BigDecimal isolated =
        d.marginBalance().subtract(d.walletBalance()).add(debts).subtract(d.unrealisedPnl());
    String c = d.currency();
    return "Margin balance "
        + money(d.marginBalance(), c)
        + " = wallet "
        + money(d.walletBalance(), c)
        + " - debts "
        + money(debts, c)
        + " + unrealised P&L "
        + money(d.unrealisedPnl(), c)
        + (isolated.signum() == 0 ? "" : " + isolated margins " + money(isolated, c));
  }

  /** The last rule that set {@code field} on {@code target}. */
  static Optional<String> setBy(List<ExplanationStep> steps, String target, String field) {
    String rule = null;
    for (ExplanationStep s : steps) {
      if (s instanceof RuleFired r
          && r.set().stream().anyMatch(a -> a.target().equals(target) && a.field().equals(field))) {
        rule = r.rule();
      }
    }
    return Optional.ofNullable(rule);
  }

  static String line(ExplanationStep step) {
    if (step instanceof MeasureCalled m) {
      return "measure "
          + m.measure()
          + " as "
          + m.as()
          + " on "
          + m.subject()
          + " = "
          + plain(m.value())
          + " "
          + m.unit()
          + " (inputs "
          + m.inputs()
          + ", parameters "
          + m.parameters()
          + ")";
    }
    if (step instanceof TableHit t) {
      return "table '"
          + t.table()
          + "' for "
          + t.subject()
          + ": matched rows "
          + t.matchedRows()
          + ", selected "
          + t.selectedRows()
          + rowText(t.rows())
          + " -> "
          + outputs(t.output());
    }
    if (step instanceof DecisionEvaluated e) {
      return "decision '"
          + e.decision()
          + "' ("
          + e.model()
          + ") for "
          + e.subject()
          + " with "
          + inputs(e.inputs())
          + " = "
          + outputs(e.result());
    }
    if (step instanceof RuleFired r) {
      return "rule '"
          + r.rule()
          + "' ["
          + r.group()
          + "] on "
          + r.subject()
          + " set "
          + (r.set().isEmpty()
              ? "nothing"
              : r.set().stream()
                  .map(ExplanationText::assignment)
                  .collect(Collectors.joining(", ")));
    }
    Calculation c = (Calculation) step;
    Optional<String> named = NamedFormula.of(c);
    if (named.isPresent()) {
      return c.name() + " for " + c.subject() + " = " + named.get() + " = " + outputs(c.result());
    }
    return c.name()
        + " for "
        + c.subject()
        + ": "
        + c.formula()
        + " with "
        + inputs(c.inputs())
        + " = "
        + outputs(c.result());
  }

  private static String rowText(List<TableRow> rows) {
    List<String> parts = new ArrayList<>();
    for (TableRow r : rows) {
      parts.add(
          " (row "
              + r.row()
              + ": "
              + String.join(", ", r.inputEntries())
              + " -> "
              + String.join(", ", r.outputEntries())
              + (r.annotation() == null ? "" : "; " + r.annotation())
              + ")");
    }
    return String.join("", parts);
  }

  private static String assignment(Assignment a) {
    if (a.field().startsWith(FLAG_FIELD)) {
      // AccountFact.raiseFlag records "flag <name>" = detail.
      String detail = String.valueOf(a.value());
      return "flag "
          + a.field().substring(FLAG_FIELD.length())
          + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
    return a.field()
        + " = "
        + (a.value() instanceof BigDecimal b ? number(a.field(), b) : a.value());
  }

  /** The field name of a flag raise in {@link RuleFired#set()}: {@code "flag <name>"}. */
  public static final String FLAG_FIELD = "flag ";

  static String inputs(Map<String, Object> values) {
    return values.entrySet().stream()
        .map(e -> e.getKey() + " " + value(e.getKey(), e.getValue()))
        .collect(Collectors.joining(", "));
  }

  static String outputs(Object output) {
    if (output instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> e.getKey() + " " + value(String.valueOf(e.getKey()), e.getValue()))
          .collect(Collectors.joining(", "));
    }
    return value("", output);
  }

  private static String value(String name, Object v) {
    return v instanceof BigDecimal b ? number(name, b) : String.valueOf(v);
  }

  /** Rates and ratios (names ending in Rate or Ratio) as percentages, other numbers plain. */
  static String number(String name, BigDecimal v) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith("rate") || lower.endsWith("ratio")) {
      return percent(v);
    }
    return plain(v);
  }
}

package io.fulcrum.engine.explain;

import io.fulcrum.engine.decision.Flag;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.decision.PositionFigures;
import io.fulcrum.engine.explain.RuleFired.Assignment;
import io.fulcrum.engine.explain.TableHit.TableRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The short human-readable rendering of a decision for compliance officers: the outcome, then per
 * position where each figure came from (which table row, which rule), then every step in order.
 * Deterministic and locale-independent: money with thousands separators and 2 to 8 decimals, rates
 * and ratios (names ending in Rate or Ratio) as percentages.
 */
public final class ExplanationText {

  private ExplanationText() {}

  public static String render(MarginDecision d) {
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
    out.append("Status ")
        .append(d.status())
        .append(": margin ratio ")
        .append(
            d.marginRatio() == null ? "n/a (no positive margin balance)" : percent(d.marginRatio()))
        .append(" = maintenance margin ")
        .append(money(d.maintenanceMargin(), d.currency()))
        .append(" / margin balance ")
        .append(money(d.marginBalance(), d.currency()))
        .append('\n');
    out.append("Initial margin ")
        .append(money(d.initialMargin(), d.currency()))
        .append("; wallet ")
        .append(money(d.walletBalance(), d.currency()))
        .append("; unrealised P&L ")
        .append(money(d.unrealisedPnl(), d.currency()))
        .append('\n');
    d.metrics().forEach((k, v) -> out.append(k).append(' ').append(number(k, v)).append('\n'));
    for (Flag f : d.flags()) {
      out.append("Flag ")
          .append(f.name())
          .append(" raised by rule '")
          .append(f.raisedBy())
          .append('\'')
          .append(f.detail().isEmpty() ? "" : ": " + f.detail())
          .append('\n');
    }
    List<ExplanationStep> steps = d.explanation().steps();
    for (PositionFigures p : d.positions()) {
      out.append('\n').append(positionHeadline(p, d.currency())).append('\n');
      String subject = "position " + p.instrument();
      out.append("  Maintenance margin ")
          .append(money(p.maintenanceMargin(), d.currency()))
          .append(origin(steps, subject, "maintenanceMargin"))
          .append('\n');
      out.append("  Initial margin ")
          .append(money(p.initialMargin(), d.currency()))
          .append(origin(steps, subject, "initialMargin"))
          .append('\n');
      if (p.liquidationPrice() != null) {
        out.append("  Liquidation price ")
            .append(plain(p.liquidationPrice()))
            .append(origin(steps, subject, "liquidationPrice"))
            .append('\n');
      }
      if (p.bankruptcyPrice() != null) {
        out.append("  Bankruptcy price ")
            .append(plain(p.bankruptcyPrice()))
            .append(origin(steps, subject, "bankruptcyPrice"))
            .append('\n');
      }
    }
    if (!d.explanation().captured()) {
      return out.append("\n(explanation capture was off for this decision)\n").toString();
    }
    out.append("\nSteps:\n");
    int i = 1;
    for (ExplanationStep step : steps) {
      out.append(String.format(Locale.ROOT, "%3d. ", i++)).append(line(step)).append('\n');
    }
    return out.toString();
  }

  private static String positionHeadline(PositionFigures p, String currency) {
    return "Position "
        + p.instrument()
        + " "
        + (p.quantity().signum() > 0 ? "long " : "short ")
        + plain(p.quantity().abs())
        + " at mark "
        + plain(p.markPrice())
        + ", notional "
        + money(p.notional(), currency)
        + ", unrealised P&L "
        + money(p.unrealisedPnl(), currency);
  }

  /** ": rule 'R' (bracket 3 of table 'T' (...): ...)" for the step that set {@code field}. */
  private static String origin(List<ExplanationStep> steps, String subject, String field) {
    int ruleAt = -1;
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) instanceof RuleFired r
          && r.set().stream()
              .anyMatch(a -> a.target().equals(subject) && a.field().equals(field))) {
        ruleAt = i;
      }
    }
    if (ruleAt < 0) {
      return "";
    }
    RuleFired rule = (RuleFired) steps.get(ruleAt);
    StringBuilder sb = new StringBuilder(": rule '").append(rule.rule()).append('\'');
    Optional<Calculation> calculation = calculationInside(steps, ruleAt, subject, field);
    if (calculation.isPresent()) {
      // The rule called an engine calculation (e.g. the liquidation price solver): quote it, since
      // it may have used other table rows than the position's own.
      Calculation c = calculation.get();
      sb.append("; ")
          .append(c.name())
          .append(" = ")
          .append(c.formula())
          .append(" with ")
          .append(inputs(c.inputs()));
    } else {
      steps.stream()
          .filter(s -> s instanceof TableHit t && t.subject().equals(subject))
          .map(TableHit.class::cast)
          .findFirst()
          .ifPresent(t -> sb.append("; ").append(tableSummary(t)));
    }
    return sb.toString();
  }

  /**
   * A calculation recorded while the rule at {@code ruleAt} fired (after the previous firing): the
   * one named after {@code field} ("bankruptcy price" for bankruptcyPrice) if there is one, else
   * the last one.
   */
  private static Optional<Calculation> calculationInside(
      List<ExplanationStep> steps, int ruleAt, String subject, String field) {
    String named = field.replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT);
    Calculation last = null;
    for (int i = ruleAt - 1; i >= 0 && !(steps.get(i) instanceof RuleFired); i--) {
      if (steps.get(i) instanceof Calculation c && c.subject().equals(subject)) {
        if (c.name().equals(named)) {
          return Optional.of(c);
        }
        last = last == null ? c : last;
      }
    }
    return Optional.ofNullable(last);
  }

  private static String tableSummary(TableHit t) {
    String rows = t.selectedRows().stream().map(String::valueOf).collect(Collectors.joining(", "));
    String entries =
        t.rows().stream()
            .map(r -> String.join(", ", r.inputEntries()))
            .collect(Collectors.joining("; "));
    return "row "
        + rows
        + " of table '"
        + t.table()
        + "' ("
        + inputs(t.inputs())
        + " matched "
        + entries
        + "): "
        + outputs(t.output());
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

  private static String inputs(Map<String, Object> values) {
    return values.entrySet().stream()
        .map(e -> e.getKey() + " " + value(e.getKey(), e.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static String outputs(Object output) {
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

  private static String number(String name, BigDecimal v) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith("rate") || lower.endsWith("ratio")) {
      return percent(v);
    }
    return plain(v);
  }

  // DecimalFormat is costly to build and not thread-safe: one of each per thread.
  private static final ThreadLocal<DecimalFormat> MONEY = format("#,##0.00######");
  private static final ThreadLocal<DecimalFormat> PLAIN = format("#,##0.########");
  private static final ThreadLocal<DecimalFormat> PERCENT = format("#,##0.0#####");

  static String money(BigDecimal v, String currency) {
    return v == null ? "n/a" : MONEY.get().format(v) + " " + currency;
  }

  static String plain(BigDecimal v) {
    return v == null ? "n/a" : PLAIN.get().format(v);
  }

  static String percent(BigDecimal v) {
    return PERCENT.get().format(v.movePointRight(2)) + "%";
  }

  private static ThreadLocal<DecimalFormat> format(String pattern) {
    return ThreadLocal.withInitial(
        () -> {
          DecimalFormat f =
              new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
          f.setRoundingMode(RoundingMode.HALF_EVEN);
          return f;
        });
  }
}

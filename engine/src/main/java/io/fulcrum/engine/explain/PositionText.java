package io.fulcrum.engine.explain;

import static io.fulcrum.engine.explain.TextNumbers.money;
import static io.fulcrum.engine.explain.TextNumbers.percent;
import static io.fulcrum.engine.explain.TextNumbers.plain;

import io.fulcrum.engine.decision.PositionFigures;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The lines of one position: its table row, then each figure with its formula, named inputs and
 * values (checked against the figure before it is shown; otherwise the rule and row are quoted),
 * the choice of leverage, and the liquidation price with the solver's named quantities.
 */
final class PositionText {

  private static final BigDecimal SAME = new BigDecimal("1e-8");

  private PositionText() {}

  static void append(StringBuilder out, PositionFigures p, List<ExplanationStep> steps, String c) {
    String subject = "position " + p.instrument();
    out.append("Position ")
        .append(p.instrument())
        .append(' ')
        .append(p.quantity().signum() > 0 ? "long " : "short ")
        .append(plain(p.quantity().abs()))
        .append(" at mark ")
        .append(plain(p.markPrice()))
        .append(", notional ")
        .append(money(p.notional(), c))
        .append(", unrealised P&L ")
        .append(money(p.unrealisedPnl(), c))
        .append('\n');
    Optional<TableHit> row = tableOf(steps, subject);
    row.ifPresent(t -> out.append("  Table: ").append(tableSummary(t)).append('\n'));
    out.append("  Maintenance margin ")
        .append(money(p.maintenanceMargin(), c))
        .append(
            maintenanceFormula(p, c).orElseGet(() -> origin(steps, subject, "maintenanceMargin")))
        .append(ruleOf(steps, subject, "maintenanceMargin"))
        .append('\n');
    out.append("  Initial margin ")
        .append(money(p.initialMargin(), c))
        .append(initialFormula(p, c).orElseGet(() -> origin(steps, subject, "initialMargin")))
        .append(ruleOf(steps, subject, "initialMargin"))
        .append('\n');
    Optional<String> lpRule = ExplanationText.setBy(steps, subject, "liquidationPrice");
    if (p.liquidationPrice() != null || lpRule.isPresent()) {
      out.append("  Liquidation price ")
          .append(
              p.liquidationPrice() == null
                  ? "none (the formula gives zero or a negative price)"
                  : plain(p.liquidationPrice()))
          .append(", the mark at which margin balance equals maintenance margin")
          .append(
              calculation(steps, subject, "liquidation price")
                  .flatMap(NamedFormula::of)
                  .map(f -> ": " + f)
                  .orElse(""))
          .append(ruleOf(steps, subject, "liquidationPrice"))
          .append('\n');
    } else {
      out.append("  Liquidation price: none applies (no rule of this policy sets one)\n");
    }
    if (p.bankruptcyPrice() != null) {
      out.append("  Bankruptcy price ")
          .append(plain(p.bankruptcyPrice()))
          .append(", the mark at which the position's margin balance is zero")
          .append(
              calculation(steps, subject, "bankruptcy price")
                  .flatMap(NamedFormula::of)
                  .map(f -> ": " + f)
                  .orElse(""))
          .append(ruleOf(steps, subject, "bankruptcyPrice"))
          .append('\n');
    }
  }

  /** " = notional N x maintenance rate r - maintenance amount a", when that is the figure. */
  private static Optional<String> maintenanceFormula(PositionFigures p, String c) {
    if (!(p.parameters().get("maintenanceMarginRate") instanceof BigDecimal rate)
        || !(p.parameters().get("maintenanceAmount") instanceof BigDecimal amount)
        || p.maintenanceMargin() == null) {
      return Optional.empty();
    }
    BigDecimal formula = p.notional().multiply(rate).subtract(amount);
    if (formula.subtract(p.maintenanceMargin()).abs().compareTo(SAME) > 0) {
      return Optional.empty();
    }
    return Optional.of(
        " = notional "
            + money(p.notional(), c)
            + " x maintenance rate "
            + percent(rate)
            + " - maintenance amount "
            + money(amount, c));
  }

  /** " = notional N / leverage L (within | at the bracket maximum Mx)", when that is the figure. */
  private static Optional<String> initialFormula(PositionFigures p, String c) {
    if (!(p.parameters().get("maxLeverage") instanceof BigDecimal max)
        || p.initialMargin() == null
        || p.initialMargin().signum() <= 0) {
      return Optional.empty();
    }
    BigDecimal leverage =
        p.notional()
            .divide(p.initialMargin(), MathContext.DECIMAL128)
            .setScale(6, RoundingMode.HALF_EVEN)
            .stripTrailingZeros();
    BigDecimal back = p.notional().divide(leverage, MathContext.DECIMAL128);
    if (back.subtract(p.initialMargin()).abs().compareTo(SAME) > 0) {
      return Optional.empty();
    }
    int cmp = leverage.compareTo(max);
    String choice =
        cmp == 0
            ? "the bracket maximum "
                + plain(max)
                + "x: the requested leverage was at or above it,"
                + " or none was given"
            : cmp < 0
                ? "as requested, within the bracket maximum " + plain(max) + "x"
                : "above the bracket maximum " + plain(max) + "x";
    return Optional.of(
        " = notional "
            + money(p.notional(), c)
            + " / leverage "
            + plain(leverage)
            + "x ("
            + choice
            + ")");
  }

  private static String ruleOf(List<ExplanationStep> steps, String subject, String field) {
    return ExplanationText.setBy(steps, subject, field).map(r -> "; rule '" + r + "'").orElse("");
  }

  /** The table row when no formula could be shown. */
  private static String origin(List<ExplanationStep> steps, String subject, String field) {
    return ExplanationText.setBy(steps, subject, field).isPresent()
        ? ""
        : " (set by no rule of this policy)";
  }

  private static Optional<TableHit> tableOf(List<ExplanationStep> steps, String subject) {
    return steps.stream()
        .filter(s -> s instanceof TableHit t && t.subject().equals(subject))
        .map(TableHit.class::cast)
        .findFirst();
  }

  /** The calculation of that name recorded for the subject (the last one). */
  private static Optional<Calculation> calculation(
      List<ExplanationStep> steps, String subject, String name) {
    Calculation found = null;
    for (ExplanationStep s : steps) {
      if (s instanceof Calculation c && c.subject().equals(subject) && c.name().equals(name)) {
        found = c;
      }
    }
    return Optional.ofNullable(found);
  }

  static String tableSummary(TableHit t) {
    String rows = t.selectedRows().stream().map(String::valueOf).collect(Collectors.joining(", "));
    String entries =
        t.rows().stream()
            .map(r -> String.join(", ", r.inputEntries()))
            .collect(Collectors.joining("; "));
    return "row "
        + rows
        + " of '"
        + t.table()
        + "' ("
        + ExplanationText.inputs(t.inputs())
        + " matched "
        + entries
        + "): "
        + ExplanationText.outputs(t.output());
  }
}

package io.fulcrum.engine.explain;

import static io.fulcrum.engine.explain.TextNumbers.plain;

import io.fulcrum.engine.decision.LiquidationMove;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.policy.MetricDisplay;
import java.math.BigDecimal;

/** The liquidation move lines: per underlying, the move to each level, with its assumptions. */
final class MoveText {

  private MoveText() {}

  static void append(StringBuilder out, LiquidationMove m, TextVocabulary words, MarginDecision d) {
    MetricDisplay display = words.display(m.measure());
    BigDecimal today =
        m.measure().equals("marginRatio") ? d.marginRatio() : d.metrics().get(m.measure());
    out.append("Liquidation move of ")
        .append(m.underlying())
        .append(" (")
        .append(String.join(", ", m.instruments()))
        .append(m.instruments().size() > 1 ? " moving together" : "")
        .append(", price ")
        .append(plain(m.referencePrice()))
        .append("): ")
        .append(
            reach(
                "liquidation",
                m.liquidationLevel(),
                m.liquidationMove(),
                m.priceAtLiquidation(),
                display,
                today))
        .append("; ")
        .append(
            reach(
                "margin call",
                m.marginCallLevel(),
                m.marginCallMove(),
                m.priceAtMarginCall(),
                display,
                today))
        .append('\n');
    out.append("  requirements: ")
        .append(m.maintenance())
        .append("; assumes ")
        .append(m.assumptions())
        .append('\n');
  }

  private static String reach(
      String what,
      BigDecimal level,
      BigDecimal move,
      BigDecimal price,
      MetricDisplay display,
      BigDecimal today) {
    if (level == null) {
      return "no " + what + " level";
    }
    String head =
        what + " (" + display.display() + " level " + TextNumbers.level(level, display) + ")";
    if (move == null) {
      return head + ": no move from -100% to +500% (no positive price) reaches it";
    }
    if (move.signum() == 0) {
      return head + ": already reached";
    }
    String at = " at a move of " + TextNumbers.move(move) + " (price " + plain(price) + ")";
    boolean breachedToday =
        today != null && display.breach() != null && display.breaches(today, level);
    return breachedToday ? head + ": past it today; back at the level" + at : head + at;
  }
}

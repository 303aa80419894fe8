package io.fulcrum.engine.explain;

import static io.fulcrum.engine.explain.TextNumbers.percent;
import static io.fulcrum.engine.explain.TextNumbers.plain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An engine calculation's formula with every symbol replaced by its name and value, e.g. the
 * liquidation price's {@code (WB - TMM + ...)} as {@code (wallet balance 6,600 - maintenance of
 * other cross positions 0 + ...)}. Symbols the engine does not name here read as their input key.
 */
final class NamedFormula {

  /** Symbol -> {input key, name}. */
  private static final Map<String, String[]> SYMBOLS =
      Map.of(
          "WB", new String[] {"WB", "balance (cross wallet, or the isolated margin)"},
          "TMM", new String[] {"TMM", "maintenance margin of the other cross positions"},
          "UPNL", new String[] {"UPNL", "unrealised P&L of the other cross positions"},
          "cum", new String[] {"cum", "maintenance amount"},
          "MMR", new String[] {"MMR", "maintenance rate"},
          "side", new String[] {"side", "side"},
          "size", new String[] {"size", "size"},
          "entry", new String[] {"entryPrice", "entry price"},
          "MM", new String[] {"MM", "maintenance margin at the entry value"});

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

  private NamedFormula() {}

  /** The named form, or empty when the formula uses no input of the calculation. */
  static Optional<String> of(Calculation c) {
    if (!c.formula().contains("(") || c.formula().contains(";")) {
      return Optional.empty(); // the account totals: several formulas in words already
    }
    Matcher m = TOKEN.matcher(c.formula());
    StringBuilder out = new StringBuilder();
    int used = 0;
    while (m.find()) {
      String token = m.group();
      String[] named = SYMBOLS.get(token);
      String key = named != null ? named[0] : token;
      Object value = c.inputs().get(key);
      String replacement = token;
      if (value != null) {
        used++;
        String shown =
            value instanceof BigDecimal b
                ? (key.equals("MMR") ? percent(b) : plain(b))
                : String.valueOf(value);
        replacement = (named != null ? named[1] : token) + " " + shown;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    if (used == 0) {
      return Optional.empty();
    }
    String text = out.toString().replace("*", " x ");
    if (c.inputs().get("rounds") instanceof List<?> rounds && !rounds.isEmpty()) {
      text += "; brackets tried: " + humanRounds(rounds);
    }
    return Optional.of(text);
  }

  private static String humanRounds(List<?> rounds) {
    StringBuilder sb = new StringBuilder();
    for (Object r : rounds) {
      if (sb.length() > 0) {
        sb.append(", then ");
      }
      sb.append(
          String.valueOf(r)
              .replace("MMR ", "maintenance rate ")
              .replace("cum ", "maintenance amount ")
              .replace("notional at LP", "the notional at that price is")
              .replace(" -> ", " gives "));
    }
    return sb.toString();
  }
}

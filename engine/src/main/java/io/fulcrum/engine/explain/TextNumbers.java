package io.fulcrum.engine.explain;

import io.fulcrum.engine.policy.MetricDisplay;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How numbers read in the text explanation. Deterministic and locale-independent (Locale.ROOT,
 * half-even): money with thousands separators and 2 to 8 decimals, plain numbers with up to 8,
 * levels (policy parameters) exactly as written, declared metrics with their own scale and unit.
 */
final class TextNumbers {

  private TextNumbers() {}

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

  /** A ratio as a percentage with 1 to 6 decimals (the rendering of old text for raw ratios). */
  static String percent(BigDecimal v) {
    return PERCENT.get().format(v.movePointRight(2)) + "%";
  }

  /** A level (threshold) exactly as the policy states it: 0.8 -> "80%" for a percent measure. */
  static String level(BigDecimal v, MetricDisplay display) {
    if (v == null) {
      return "n/a";
    }
    if (display.unit().equals("%")) {
      return plain(v.movePointRight(2)) + "%";
    }
    return plain(v) + suffix(display, null);
  }

  /** A metric value at its declared scale and unit, e.g. "88.33%", "193.33x", "0.9867". */
  static String metric(BigDecimal v, MetricDisplay display, String currency) {
    if (v == null) {
      return "n/a";
    }
    BigDecimal shown = display.unit().equals("%") ? v.movePointRight(2) : v;
    shown = shown.setScale(display.scale(), RoundingMode.HALF_EVEN);
    DecimalFormat f = fixed(display.scale());
    String number = f.format(shown);
    return display.unit().equals("%") ? number + "%" : number + suffix(display, currency);
  }

  /** A relative move as a signed percentage with up to 4 decimals: -0.000607 -> "-0.0607%". */
  static String move(BigDecimal v) {
    BigDecimal pct = v.movePointRight(2).setScale(4, RoundingMode.HALF_EVEN);
    return (pct.signum() > 0 ? "+" : "") + plain(pct) + "%";
  }

  private static String suffix(MetricDisplay display, String currency) {
    return switch (display.unit()) {
      case "" -> "";
      case "x" -> "x";
      case "currency" -> currency == null ? "" : " " + currency;
      default -> " " + display.unit();
    };
  }

  private static final ThreadLocal<DecimalFormat[]> FIXED =
      ThreadLocal.withInitial(() -> new DecimalFormat[MetricDisplay.MAX_SCALE + 1]);

  private static DecimalFormat fixed(int scale) {
    DecimalFormat[] cache = FIXED.get();
    if (cache[scale] == null) {
      cache[scale] = newFixed(scale);
    }
    return cache[scale];
  }

  private static DecimalFormat newFixed(int scale) {
    DecimalFormat f =
        new DecimalFormat(
            scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale),
            DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setRoundingMode(RoundingMode.HALF_EVEN);
    return f;
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

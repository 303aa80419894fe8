package io.fulcrum.engine.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Locale;

/**
 * How one figure of a decision reads in its text explanation, declared under the manifest's {@code
 * metrics:} key by the figure's name (a metric the rules set, or the engine's {@code marginRatio}):
 *
 * <pre>
 * metrics:
 *   marginRatio:
 *     display: margin ratio
 *     unit: "%"
 *     scale: 2
 *     liquidation: liquidationMarginRatio   # parameter the status rules compare it with
 *     marginCall: marginCallRatio
 *     breach: at-or-above
 *   effectiveLeverage: {display: effective leverage, unit: x, scale: 2}
 * </pre>
 *
 * <p>{@code unit}: {@code "%"} shows the value x 100 with a percent sign, {@code x} a multiple
 * ("14.51x"), {@code currency} the decision's currency, anything else is written after the number;
 * empty for a plain number. {@code scale}: decimals shown, 0 to 8, rounded half-even (the decision
 * keeps the exact value). At most one metric names thresholds: it is the measure the policy decides
 * by, the text's headline and what the liquidation move solves for.
 *
 * @param display what a reader calls the figure, e.g. "health factor"
 * @param unit "%", "x", "currency", other text, or empty
 * @param scale decimals shown in the text
 * @param liquidation parameter holding the level at which the account is liquidated, or null
 * @param marginCall parameter holding the level at which the account is margin-called, or null
 * @param breach {@code at-or-above} (the figure reaching the level breaches it) or {@code below};
 *     required with thresholds
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record MetricDisplay(
    String display,
    String unit,
    Integer scale,
    String liquidation,
    String marginCall,
    String breach) {

  /** Largest scale a metric may declare (the decision's own ratios carry 8 decimals). */
  public static final int MAX_SCALE = 8;

  public static final String AT_OR_ABOVE = "at-or-above";
  public static final String BELOW = "below";

  public MetricDisplay {
    if (display == null || display.isBlank()) {
      throw new IllegalArgumentException("a metric needs its display name (display: ...)");
    }
    unit = unit == null ? "" : unit.trim();
    if (scale == null) {
      throw new IllegalArgumentException(
          "metric '" + display + "' needs its scale (decimals shown, 0 to " + MAX_SCALE + ")");
    }
    if (scale < 0 || scale > MAX_SCALE) {
      throw new IllegalArgumentException(
          "metric '" + display + "': scale must be in [0, " + MAX_SCALE + "] but was " + scale);
    }
    boolean thresholds = liquidation != null || marginCall != null;
    if (thresholds && breach == null) {
      throw new IllegalArgumentException(
          "metric '"
              + display
              + "' names thresholds, so it needs breach: at-or-above or breach: below");
    }
    if (breach != null && !breach.equals(AT_OR_ABOVE) && !breach.equals(BELOW)) {
      throw new IllegalArgumentException(
          "metric '"
              + display
              + "': breach must be 'at-or-above' or 'below' but was '"
              + breach
              + "'");
    }
    if (breach != null && !thresholds) {
      throw new IllegalArgumentException(
          "metric '" + display + "': breach needs a liquidation or marginCall parameter");
    }
  }

  /** Whether this metric carries the policy's status thresholds. */
  public boolean decides() {
    return liquidation != null || marginCall != null;
  }

  /** Whether {@code value} breaches {@code level} in this metric's direction. */
  public boolean breaches(java.math.BigDecimal value, java.math.BigDecimal level) {
    int c = value.compareTo(level);
    return AT_OR_ABOVE.equals(breach) ? c >= 0 : c < 0;
  }

  /** How a metric without a declaration reads: its camelCase name in words, 8 decimals. */
  public static MetricDisplay undeclared(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    String unit = lower.endsWith("rate") || lower.endsWith("ratio") ? "%" : "";
    return new MetricDisplay(words(name), unit, unit.isEmpty() ? 8 : 6, null, null, null);
  }

  /** "effectiveLeverage" -> "effective leverage"; "maxCollateralSeized.ETH" -> "... ETH". */
  static String words(String name) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.') {
        sb.append(' ');
        sb.append(name.substring(i + 1));
        break;
      }
      if (Character.isUpperCase(c) && i > 0) {
        sb.append(' ').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}

package io.fulcrum.scenarios.report;

import java.math.BigDecimal;
import java.util.Locale;

/** Small helpers for the self-contained HTML reports (no scripts, inline CSS). */
final class Html {

  static final String STYLE =
      """
      <style>
      body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2em;color:#222;max-width:1200px}
      h1{font-size:1.4em} h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ddd}
      table{border-collapse:collapse;margin:.5em 0;font-size:.9em}
      th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
      td.n{text-align:right;font-variant-numeric:tabular-nums} th{background:#f3f3f3}
      .pass{color:#1a7f37} .fail{color:#c62828;font-weight:600} .muted{color:#777}
      .badge{display:inline-block;padding:.1em .5em;border-radius:.3em;color:#fff}
      .badge.pass{background:#1a7f37;color:#fff} .badge.fail{background:#c62828;color:#fff}
      code{background:#f6f6f6;padding:0 .2em}
      </style>
      """;

  private Html() {}

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + escape(title)
        + "</title>\n"
        + STYLE
        + "</head><body>\n<h1>"
        + escape(title)
        + "</h1>\n"
        + body
        + "</body></html>\n";
  }

  /** A money figure with thousands separators, two decimals, independent of the default locale. */
  static String money(BigDecimal value) {
    return value == null ? "—" : String.format(Locale.ROOT, "%,.2f", value);
  }

  static String plain(BigDecimal value) {
    return value == null ? "—" : value.toPlainString();
  }
}

package io.fulcrum.scenarios.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.commons.text.StringEscapeUtils;

/**
 * The pieces every HTML report shares: the escaper, the page around a body (one stylesheet,
 * inlined, no scripts, so each report is one self-contained file) and the money format.
 */
public final class Html {

  /** The classpath resource holding the one stylesheet of all reports. */
  static final String STYLESHEET = "report.css";

  private static final String STYLE = "<style>\n" + stylesheet() + "</style>\n";

  private Html() {}

  /**
   * Escapes text for HTML element content, for a double- or single-quoted HTML attribute and for
   * XML 1.0 (the JUnit report): {@code < > & " '} become entities and characters XML 1.0 cannot
   * hold (control characters other than tab, line feed and carriage return) are dropped. {@code
   * null} is the empty string.
   */
  public static String escape(String text) {
    return text == null ? "" : StringEscapeUtils.escapeXml10(text);
  }

  /** A whole page: {@code title} as the document title and the {@code h1} heading. */
  public static String page(String title, String body) {
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
  /**
   * A table cell for a figure: right-aligned ({@code td.n} in report.css); {@code html} as given.
   */
  public static String numberCell(String html) {
    return "<td class=\"n\">" + html + "</td>";
  }

  public static String money(BigDecimal value) {
    return value == null ? "—" : String.format(Locale.ROOT, "%,.2f", value);
  }

  static String plain(BigDecimal value) {
    return value == null ? "—" : value.toPlainString();
  }

  private static String stylesheet() {
    try (InputStream in = Html.class.getResourceAsStream(STYLESHEET)) {
      if (in == null) {
        throw new IllegalStateException(
            "stylesheet " + STYLESHEET + " missing next to " + Html.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading stylesheet " + STYLESHEET, e);
    }
  }
}

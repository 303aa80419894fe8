package io.fulcrum.admin.application.marketdata;

import io.fulcrum.admin.application.InvalidParameter;
import io.fulcrum.admin.application.marketdata.MarketDataStore.Observation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the body of an append: CSV with a header row naming a date column ({@code date}, {@code
 * timestamp}, {@code time} or {@code day}) and a close column ({@code close}, {@code adj close} or
 * {@code price}), any case, as the CLI's price files; an {@code asset} column is required when the
 * set has more than one asset. Other columns are ignored. Every row must have as many fields as the
 * header; a date is {@code yyyy-mm-dd}, a close a positive finite decimal number. The first bad row
 * refuses the whole body, named by its line ({@code line 3}). Stateless.
 */
final class MarketDataRows {

  private MarketDataRows() {}

  /** A parsed row and the line it came from. */
  record Row(int line, Observation observation) {}

  static List<Row> parse(String body, List<String> assets) {
    if (body == null || body.isBlank()) {
      throw new InvalidParameter(
          "body", "the body is empty: send CSV with a header, e.g. date,close");
    }
    String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    String[] header = fields(lines[0]);
    int date = column(header, "date", "date", "timestamp", "time", "day");
    int close = column(header, "close", "close", "adj close", "price");
    int asset = index(header, "asset");
    if (asset < 0 && assets.size() > 1) {
      throw new InvalidParameter(
          "line 1", "the set holds " + assets + ": the header needs an asset column");
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int line = i + 1;
      if (lines[i].isBlank()) {
        continue;
      }
      String[] f = fields(lines[i]);
      if (f.length != header.length) {
        throw refused(
            line,
            lines[i],
            String.format(
                Locale.ROOT,
                "malformed row: %d field(s) but the header has %d",
                f.length,
                header.length));
      }
      LocalDate day;
      try {
        day = LocalDate.parse(f[date]);
      } catch (DateTimeParseException e) {
        throw refused(line, lines[i], "date must be yyyy-mm-dd but was '" + f[date] + "'");
      }
      double value;
      try {
        value = Double.parseDouble(f[close]);
      } catch (NumberFormatException e) {
        throw refused(line, lines[i], "close is not a number: '" + f[close] + "'");
      }
      if (!Double.isFinite(value) || value <= 0) {
        throw refused(line, lines[i], "close must be a positive number but was " + f[close]);
      }
      String a = asset < 0 ? assets.get(0) : f[asset];
      if (!assets.contains(a)) {
        throw refused(line, lines[i], "asset '" + a + "' is not in the set (" + assets + ")");
      }
      rows.add(new Row(line, new Observation(a, day.toString(), value)));
    }
    if (rows.isEmpty()) {
      throw new InvalidParameter("body", "no rows after the header");
    }
    return rows;
  }

  static InvalidParameter refused(int line, String text, String problem) {
    return new InvalidParameter(
        "line " + line,
        "line " + line + " (" + text.strip() + "): " + problem + "; nothing stored");
  }

  private static String[] fields(String line) {
    String[] f = line.split(",", -1);
    for (int i = 0; i < f.length; i++) {
      f[i] = f[i].strip();
      if (f[i].length() >= 2 && f[i].startsWith("\"") && f[i].endsWith("\"")) {
        f[i] = f[i].substring(1, f[i].length() - 1);
      }
    }
    return f;
  }

  private static int column(String[] header, String role, String... names) {
    for (String n : names) {
      int i = index(header, n);
      if (i >= 0) {
        return i;
      }
    }
    throw new InvalidParameter(
        "line 1",
        "the header must have a "
            + role
            + " column named one of "
            + List.of(names)
            + " (any case) but has "
            + List.of(header));
  }

  private static int index(String[] header, String name) {
    for (int i = 0; i < header.length; i++) {
      if (header[i].equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }
}

package io.fulcrum.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a returns file: comma-separated, decimal point, one row per day oldest first, the simple
 * return {@code p_t / p_(t-1) - 1} as a fraction (0.02 = +2%) in the last column; columns before it
 * (e.g. a date) are ignored. Lines starting with {@code #} are comments.
 *
 * <p>Input rules (each refusal names the file and line):
 *
 * <ul>
 *   <li>A header row is optional: the first row is a header when its last field is not a number,
 *       otherwise it is the first return (a file without a header loses no value). A leading UTF-8
 *       byte-order mark is dropped.
 *   <li>Semicolon-separated files and decimal commas ({@code 0,02}) are refused: split on commas
 *       they would read as other numbers.
 *   <li>Every row has as many fields as the first.
 *   <li>A return must be a finite number above -1: a long asset's price cannot fall by 100% or
 *       more, so -1.5 is a typo or a log/percent return, not a simple return.
 * </ul>
 */
final class ReturnsCsv {

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT
          .builder()
          .setCommentMarker('#')
          .setIgnoreSurroundingSpaces(true)
          .setIgnoreEmptyLines(true)
          .get();

  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
  private static final Pattern DIGITS = Pattern.compile("\\d+");

  private ReturnsCsv() {}

  /** The returns of {@code file}; an IllegalArgumentException naming file and line if malformed. */
  static double[] read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // a byte-order mark (spreadsheet exports) is not part of a value
    }
    refuseSemicolons(file, text);
    List<Double> returns = new ArrayList<>();
    try (Reader reader = new StringReader(text);
        CSVParser parser = FORMAT.parse(reader)) {
      int fields = -1;
      long firstLine = 0;
      for (CSVRecord row : parser) {
        long line = lineOf(row);
        if (fields < 0) {
          fields = row.size();
          firstLine = line;
          if (number(row.get(row.size() - 1)) == null) {
            continue; // a header
          }
        } else if (row.size() != fields) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "%s line %d has %d fields but line %d has %d%s",
                  file,
                  line,
                  row.size(),
                  firstLine,
                  fields,
                  looksLikeDecimalComma(row)
                      ? ": a decimal comma? write "
                          + row.get(row.size() - 2)
                          + "."
                          + row.get(row.size() - 1)
                          + ", not "
                          + row.get(row.size() - 2)
                          + ","
                          + row.get(row.size() - 1)
                      : ""));
        }
        if (looksLikeDecimalComma(row)) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "%s line %d: '%s,%s' looks like a number with a decimal comma; returns files are"
                      + " comma-separated with a decimal point (write %s.%s)",
                  file,
                  line,
                  row.get(row.size() - 2),
                  row.get(row.size() - 1),
                  row.get(row.size() - 2),
                  row.get(row.size() - 1)));
        }
        returns.add(parse(file, line, row.get(row.size() - 1)));
      }
    }
    if (returns.isEmpty()) {
      throw new IllegalArgumentException(
          file + " must contain at least one return row but has none");
    }
    return returns.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static void refuseSemicolons(Path file, String text) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (!l.stripLeading().startsWith("#") && l.indexOf(';') >= 0) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s line %d: '%s' is semicolon-separated; returns files are comma-separated with"
                    + " a decimal point, e.g. 2024-01-02,-0.0123",
                file,
                i + 1,
                l.strip()));
      }
    }
  }

  /** The last two fields read as the integer and fraction parts of a decimal-comma number. */
  private static boolean looksLikeDecimalComma(CSVRecord row) {
    return row.size() >= 2
        && INTEGER.matcher(row.get(row.size() - 2)).matches()
        && DIGITS.matcher(row.get(row.size() - 1)).matches();
  }

  private static long lineOf(CSVRecord row) {
    // the parser's line number is that of the record's end, 1-based, for single-line records
    return row.getParser().getCurrentLineNumber();
  }

  private static Double number(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static double parse(Path file, long line, String text) {
    Double value = number(text);
    if (value == null || !Double.isFinite(value)) {
      throw new IllegalArgumentException(
          file
              + " line "
              + line
              + ": the return (last column) must be a number but was '"
              + text
              + "'"
              + (text.contains(",")
                  ? " (a decimal comma? write " + text.replace(',', '.') + ")"
                  : ""));
    }
    if (value <= -1.0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s line %d: return %s is at or below -100%%; returns are simple returns"
                  + " p(t)/p(t-1) - 1 of a long asset's price, which cannot fall by 100%% or more",
              file,
              line,
              text));
    }
    return value;
  }
}

package io.fulcrum.engine.market;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads daily closing prices from a CSV file with a header row (Commons CSV). Columns are found by
 * name, case-insensitively: the date from {@code Date} (or {@code timestamp}, {@code time}, {@code
 * day}; an ISO date, anything after the first 10 characters ignored), the close from the column
 * asked for or else {@code close}, {@code adj close}, {@code price}. The columns used are stated in
 * the notes.
 *
 * <p>Rows without a usable close ({@code null}, empty, not a number, not positive) and calendar
 * days absent from the file are listed in the notes and handled by the {@link MissingDataPolicy};
 * they are never dropped silently. Dates out of order or repeated are always an error. Stateless;
 * thread-safe.
 */
public final class PriceCsv {

  private static final List<String> DATE_COLUMNS = List.of("date", "timestamp", "time", "day");
  private static final List<String> CLOSE_COLUMNS = List.of("close", "adj close", "price");

  /**
   * How to read a file.
   *
   * @param closeColumn the close column's name (any case), or null to pick the first of close, adj
   *     close, price
   * @param missing what to do with rows without a usable close and with missing days
   */
  public record Options(String closeColumn, MissingDataPolicy missing) {
    public Options {
      Objects.requireNonNull(missing, "missing");
    }

    public static Options defaults() {
      return new Options(null, MissingDataPolicy.SKIP_DAY);
    }
  }

  /** A history and what the loader has to say about it. */
  public record Loaded(PriceHistory history, List<String> notes) {
    public Loaded {
      notes = List.copyOf(notes);
    }
  }

  private PriceCsv() {}

  public static Loaded read(Path file, String asset, Options options) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.getFileName().toString(), asset, options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read price file " + file, e);
    }
  }

  /** Reads from {@code reader}; {@code source} names the data in notes and errors. */
  public static Loaded read(Reader reader, String source, String asset, Options options)
      throws IOException {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();
    try (CSVParser parser = CSVParser.parse(reader, format)) {
      Map<String, Integer> header = parser.getHeaderMap();
      String dateColumn = column(source, header, DATE_COLUMNS, "date");
      String closeColumn =
          options.closeColumn() == null
              ? column(source, header, CLOSE_COLUMNS, "close")
              : column(source, header, List.of(options.closeColumn()), "close");
      RowReader rows = new RowReader(source, asset, options.missing());
      for (CSVRecord record : parser) {
        rows.accept(record.getRecordNumber() + 1, record.get(dateColumn), record.get(closeColumn));
      }
      List<String> notes = new ArrayList<>();
      notes.add(
          String.format(
              Locale.ROOT,
              "%s: close from column '%s', date from column '%s' of %s",
              asset,
              closeColumn,
              dateColumn,
              source));
      return rows.finish(notes);
    }
  }

  private static String column(
      String source, Map<String, Integer> header, List<String> wanted, String role) {
    for (String name : wanted) {
      for (String actual : header.keySet()) {
        if (actual.trim().equalsIgnoreCase(name)) {
          return actual;
        }
      }
    }
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "price file %s must have a %s column named one of %s (any case) but its columns are %s",
            source,
            role,
            wanted,
            header.keySet()));
  }

  static LocalDate parseDate(String source, long line, String text) {
    String t = text == null ? "" : text.trim();
    try {
      return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "price file %s line %d: date must be yyyy-mm-dd but was '%s'",
              source,
              line,
              text));
    }
  }
}

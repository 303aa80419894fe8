package io.fulcrum.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a returns file: CSV with a header row, one row per day oldest first, the simple return (a
 * fraction) in the last column; columns before it (e.g. a date) are ignored. Lines starting with
 * {@code #} are comments.
 */
final class ReturnsCsv {

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setCommentMarker('#')
          .setIgnoreSurroundingSpaces(true)
          .setIgnoreEmptyLines(true)
          .get();

  private ReturnsCsv() {}

  /** The returns of {@code file}; an IllegalArgumentException naming file and line if malformed. */
  static double[] read(Path file) throws IOException {
    List<Double> returns = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = FORMAT.parse(reader)) {
      for (CSVRecord row : parser) {
        returns.add(parse(file, row));
      }
    }
    if (returns.isEmpty()) {
      throw new IllegalArgumentException(
          file + " must contain at least one return row but has none");
    }
    return returns.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double parse(Path file, CSVRecord row) {
    String text = row.get(row.size() - 1);
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          file
              + " line "
              + row.getParser().getCurrentLineNumber()
              + ": the return (last column) must be a number but was '"
              + text
              + "'");
    }
  }
}

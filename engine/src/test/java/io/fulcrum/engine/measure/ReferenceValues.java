package io.fulcrum.engine.measure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the reference files under {@code src/test/resources/measure-reference/}: rows {@code
 * measure | input | parameters | expected | tolerance}, each file saying in its header which tool
 * or computation produced the values.
 */
public final class ReferenceValues {

  public static final List<String> FILES =
      List.of("hand-computed.txt", "python-reference.txt", "textbook.txt");

  /** One reference value; {@code detail} is a path into the result's details, or empty. */
  public record Row(
      String file,
      String measure,
      String detail,
      String input,
      MeasureParameters parameters,
      double expected,
      double tolerance) {

    @Override
    public String toString() {
      return file
          + ": "
          + measure
          + (detail.isEmpty() ? "" : "#" + detail)
          + " of "
          + input
          + " with "
          + parameters.values()
          + " = "
          + expected
          + " +/- "
          + tolerance;
    }
  }

  private ReferenceValues() {}

  /** Every row of every file for {@code measure} (value rows and detail rows). */
  public static List<Row> rowsFor(String measure) {
    List<Row> rows = new ArrayList<>();
    for (String file : FILES) {
      for (Row row : read(file)) {
        if (row.measure().equals(measure)) {
          rows.add(row);
        }
      }
    }
    return rows;
  }

  public static List<Row> read(String file) {
    List<Row> rows = new ArrayList<>();
    for (String line : lines(file)) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("measure |")) {
        continue;
      }
      String[] c = Arrays.stream(line.split("\\|")).map(String::trim).toArray(String[]::new);
      String[] measure = c[0].split("#", 2);
      rows.add(
          new Row(
              file,
              measure[0],
              measure.length > 1 ? measure[1] : "",
              c[1],
              parameters(c[2]),
              Double.parseDouble(c[3]),
              Double.parseDouble(c[4])));
    }
    return rows;
  }

  /** {@code k=v;k=v} or {@code -}. */
  public static MeasureParameters parameters(String text) {
    TreeMap<String, String> values = new TreeMap<>();
    if (!text.equals("-")) {
      for (String pair : text.split(";")) {
        String[] kv = pair.split("=", 2);
        values.put(kv[0], kv[1]);
      }
    }
    return new MeasureParameters(values);
  }

  /** A series from {@code series.txt}: a {@link ReturnSeries} or a {@link PnlVector}. */
  public static MeasureInput series(String name) {
    for (String line : lines("series.txt")) {
      String[] parts = line.trim().split("\\s+");
      if (!line.startsWith("#") && parts[0].equals(name)) {
        double[] values =
            Arrays.stream(parts, 2, parts.length).mapToDouble(Double::parseDouble).toArray();
        return parts[1].equals("pnl") ? PnlVector.of(values) : ReturnSeries.of(values);
      }
    }
    throw new IllegalArgumentException("no series '" + name + "' in series.txt");
  }

  /** The three-asset portfolio of {@code portfolio-3-assets.txt}. */
  public static MultiAssetPortfolio threeAssetPortfolio() {
    List<String> assets = List.of();
    double[] exposures = new double[0];
    List<double[]> rows = new ArrayList<>();
    for (String line : lines("portfolio-3-assets.txt")) {
      String[] parts = line.trim().split("\\s+");
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      } else if (parts[0].equals("assets")) {
        assets = Arrays.asList(parts).subList(1, parts.length);
      } else if (parts[0].equals("exposures")) {
        exposures =
            Arrays.stream(parts, 1, parts.length).mapToDouble(Double::parseDouble).toArray();
      } else {
        rows.add(Arrays.stream(parts).mapToDouble(Double::parseDouble).toArray());
      }
    }
    return new MultiAssetPortfolio("USDT", assets, exposures, rows.toArray(double[][]::new));
  }

  /** Follows a dotted path into nested maps of a result's details. */
  public static double detail(MeasureResult result, String path) {
    Object node = result.details();
    for (String key : path.split("\\.")) {
      node = ((Map<?, ?>) node).get(key);
    }
    return ((Number) node).doubleValue();
  }

  private static List<String> lines(String file) {
    String resource = "measure-reference/" + file;
    try (InputStream in = ReferenceValues.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

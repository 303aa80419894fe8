package io.fulcrum.scenarios.report;

import java.util.Locale;

/**
 * An inline SVG histogram (no scripts, no libraries): equal-width bins between the smallest and
 * largest value, bar heights proportional to counts, with the range and counts labelled.
 */
public final class Histogram {

  private static final int WIDTH = 720;
  private static final int HEIGHT = 240;
  private static final int MARGIN = 40;

  private Histogram() {}

  /** Counts per bin; a single bin when all values are equal. */
  static long[] counts(double[] values, int bins, double min, double max) {
    long[] counts = new long[max > min ? bins : 1];
    for (double v : values) {
      int bin =
          max > min ? (int) Math.min(bins - 1, Math.floor((v - min) / (max - min) * bins)) : 0;
      counts[bin]++;
    }
    return counts;
  }

  public static String svg(double[] values, int bins, String xLabel) {
    return svg(values, bins, xLabel, "count");
  }

  /**
   * The histogram with both axes labelled: {@code xLabel} under the x axis (with the value range),
   * {@code yLabel} along the y axis (with 0 and the tallest bar's count).
   */
  public static String svg(double[] values, int bins, String xLabel, String yLabel) {
    if (values.length == 0) {
      return "<p class=\"muted\">Nothing to plot.</p>";
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    long[] counts = counts(values, bins, min, max);
    long top = 1;
    for (long c : counts) {
      top = Math.max(top, c);
    }
    int plotW = WIDTH - 2 * MARGIN;
    int plotH = HEIGHT - 2 * MARGIN;
    double barW = (double) plotW / counts.length;
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "role=\"img\" aria-label=\"histogram of %s\" font-family=\"sans-serif\" font-size=\"11\">%n",
            WIDTH,
            HEIGHT,
            Html.escape(xLabel)));
    sb.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>%n",
            MARGIN,
            HEIGHT - MARGIN,
            WIDTH - MARGIN,
            HEIGHT - MARGIN));
    for (int i = 0; i < counts.length; i++) {
      double h = (double) counts[i] / top * plotH;
      double x = MARGIN + i * barW;
      double lo = min + (max - min) * i / counts.length;
      double hi = min + (max - min) * (i + 1) / counts.length;
      sb.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#3b6ea8\">"
                  + "<title>[%s, %s): %,d</title></rect>%n",
              x + 1,
              HEIGHT - MARGIN - h,
              Math.max(barW - 2, 1),
              h,
              number(lo),
              number(hi),
              counts[i]));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\">%s</text>%n",
            MARGIN,
            HEIGHT - MARGIN + 15,
            number(min)));
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
            WIDTH - MARGIN,
            HEIGHT - MARGIN + 15,
            number(max)));
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s (%,d values, %d bins)</text>%n",
            WIDTH / 2,
            HEIGHT - 8,
            Html.escape(xLabel),
            values.length,
            counts.length));
    sb.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>%n",
            MARGIN,
            MARGIN,
            MARGIN,
            HEIGHT - MARGIN));
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%,d</text>%n",
            MARGIN - 3,
            MARGIN + 4,
            top));
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>%n",
            MARGIN - 3,
            HEIGHT - MARGIN));
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x=\"12\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 12 %d)\">%s</text>%n",
            HEIGHT / 2,
            HEIGHT / 2,
            Html.escape(yLabel)));
    return sb.append("</svg>\n").toString();
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%,.2f", v);
  }
}

package io.fulcrum.scenarios.report;

import java.time.LocalDate;
import java.util.Locale;

/**
 * The one chart helper of the HTML reports: an inline SVG plot (no scripts, no libraries) with two
 * axes, each with labelled {@link Ticks} and gridlines, onto which a report draws bars, lines,
 * points and reference lines in data coordinates. Styles (colours of grid and axes, fonts) come
 * from the reports' stylesheet; a mark's own colour is given where it is drawn.
 *
 * <p>Tick labels are {@code <text class="tick-x">} and {@code <text class="tick-y">}; the axis
 * titles are {@code <text class="axis-title">}.
 */
public final class Chart {

  /** An axis: its title, the data range it shows and its ticks. */
  public record Axis(String title, double min, double max, Ticks ticks) {

    public Axis {
      if (!(max > min)) {
        throw new IllegalArgumentException(
            "axis '" + title + "' needs max > min, was [" + min + ", " + max + "]");
      }
    }

    /** An axis spanning its nice ticks, from the first to the last. */
    public static Axis of(String title, Ticks ticks) {
      return new Axis(title, ticks.first(), ticks.last(), ticks);
    }

    /** A time axis over epoch days, the range widened by a day each side when it is one day. */
    public static Axis dates(String title, LocalDate from, LocalDate to) {
      if (from.equals(to)) {
        from = from.minusDays(1);
        to = to.plusDays(1);
      }
      return new Axis(title, from.toEpochDay(), to.toEpochDay(), Ticks.dates(from, to));
    }
  }

  private static final int TOP = 14;
  private static final int BOTTOM = 46;
  private static final double CHAR_WIDTH = 6.4; // of an 11px sans-serif digit

  private final int width;
  private final int height;
  private final int left;
  private final int right;
  private final Axis x;
  private final Axis y;
  private final String ariaLabel;
  private final StringBuilder marks = new StringBuilder();

  private Chart(int width, int height, String ariaLabel, Axis x, Axis y) {
    this.width = width;
    this.height = height;
    this.ariaLabel = ariaLabel;
    this.x = x;
    this.y = y;
    int longestY = y.ticks().labels().stream().mapToInt(String::length).max().orElse(1);
    this.left = 34 + (int) Math.ceil(CHAR_WIDTH * longestY);
    String lastX = x.ticks().labels().get(x.ticks().labels().size() - 1);
    this.right = Math.max(24, (int) Math.ceil(CHAR_WIDTH * lastX.length() / 2) + 6);
  }

  /** An empty plot of {@code width} x {@code height} pixels over the two axes. */
  public static Chart of(int width, int height, String ariaLabel, Axis x, Axis y) {
    return new Chart(width, height, ariaLabel, x, y);
  }

  /** The pixel column of data value {@code v} on the x axis. */
  public double px(double v) {
    return left + (width - left - right) * (v - x.min()) / (x.max() - x.min());
  }

  /** The pixel row of data value {@code v} on the y axis. */
  public double py(double v) {
    return height - BOTTOM - (height - BOTTOM - TOP) * (v - y.min()) / (y.max() - y.min());
  }

  public int plotLeft() {
    return left;
  }

  public int plotRight() {
    return width - right;
  }

  public int plotTop() {
    return TOP;
  }

  /** A bar from {@code (x0, y0)} to {@code (x1, y1)} in data coordinates, with a hover title. */
  public Chart bar(double x0, double x1, double y0, double y1, String fill, String title) {
    double left = Math.min(px(x0), px(x1));
    double top = Math.min(py(y0), py(y1));
    double wide = Math.abs(px(x1) - px(x0));
    if (wide > 3) { // a pixel of white between neighbouring bars
      left += 1;
      wide -= 2;
    }
    marks.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                + "<title>%s</title></rect>%n",
            left,
            top,
            Math.max(wide, 1),
            Math.abs(py(y1) - py(y0)),
            fill,
            Html.escape(title)));
    return this;
  }

  /**
   * A line through the points {@code (xs[i], ys[i])}, at most about two points per pixel column
   * (every k-th point on long series).
   */
  public Chart line(double[] xs, double[] ys, String stroke, String cssClass) {
    marks.append("<polyline");
    if (cssClass != null) {
      marks.append(" class=\"").append(cssClass).append('"');
    }
    marks.append(" fill=\"none\" stroke-width=\"1.2\" stroke=\"").append(stroke);
    marks.append("\" points=\"");
    int step = Math.max(1, xs.length / Math.max(1, plotRight() - plotLeft()) / 2);
    for (int i = 0; i < xs.length; i += step) {
      marks.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(xs[i]), py(ys[i])));
    }
    marks.append("\"/>\n");
    return this;
  }

  /** A horizontal dashed reference line at {@code value}, labelled at its right end. */
  public Chart reference(double value, String stroke, String cssClass, String label) {
    double row = py(value);
    marks.append(
        String.format(
            Locale.ROOT,
            "<line class=\"%s\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\""
                + " stroke-width=\"1.5\" stroke-dasharray=\"6,4\"/>%n",
            cssClass,
            plotLeft(),
            row,
            plotRight(),
            row,
            stroke));
    marks.append(
        String.format(
            Locale.ROOT,
            "<text class=\"note\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"%s\">%s</text>%n",
            plotRight() - 4,
            row - 5,
            stroke,
            Html.escape(label)));
    return this;
  }

  /** Any further SVG elements, in pixel coordinates from {@link #px} and {@link #py}. */
  public Chart raw(String svg) {
    marks.append(svg).append('\n');
    return this;
  }

  /** The whole {@code <svg>} element: gridlines, the marks, then axes, tick labels and titles. */
  public String svg() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">%n",
            width,
            height,
            width,
            height,
            Html.escape(ariaLabel)));
    int bottom = height - BOTTOM;
    for (int i = 0; i < y.ticks().values().size(); i++) {
      double v = y.ticks().values().get(i);
      if (v < y.min() || v > y.max()) {
        continue;
      }
      double row = py(v);
      b.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid%s\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                  + "<text class=\"tick-y\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
              v == 0 && y.min() < 0 ? " zero" : "",
              plotLeft(),
              row,
              plotRight(),
              row,
              plotLeft() - 6,
              row + 4,
              Html.escape(y.ticks().labels().get(i))));
    }
    for (int i = 0; i < x.ticks().values().size(); i++) {
      double v = x.ticks().values().get(i);
      if (v < x.min() || v > x.max()) {
        continue;
      }
      double col = px(v);
      b.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                  + "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                  + "<text class=\"tick-x\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
              col,
              TOP,
              col,
              bottom,
              col,
              bottom,
              col,
              bottom + 4,
              col,
              bottom + 16,
              Html.escape(x.ticks().labels().get(i))));
    }
    b.append(marks);
    b.append(
        String.format(
            Locale.ROOT,
            "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
                + "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>%n",
            plotLeft(),
            bottom,
            plotRight(),
            bottom,
            plotLeft(),
            TOP,
            plotLeft(),
            bottom));
    b.append(
        String.format(
            Locale.ROOT,
            "<text class=\"axis-title\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
            (plotLeft() + plotRight()) / 2,
            height - 8,
            Html.escape(x.title())));
    int middle = (TOP + bottom) / 2;
    b.append(
        String.format(
            Locale.ROOT,
            "<text class=\"axis-title\" x=\"14\" y=\"%d\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 14 %d)\">%s</text>%n",
            middle,
            middle,
            Html.escape(y.title())));
    return b.append("</svg>\n").toString();
  }

  /**
   * A histogram of {@code values}: {@code bins} equal-width bins between the smallest and largest
   * value (one bin when all are equal), bar heights the counts, each bar's range and count on
   * hover; {@code xLabel} under the x axis with the number of values and bins, {@code yLabel} along
   * the y axis.
   */
  public static String histogram(double[] values, int bins, String xLabel, String yLabel) {
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
    Ticks xTicks = Ticks.nice(min, max);
    Chart chart =
        of(
            960,
            280,
            "histogram of " + xLabel,
            Axis.of(
                String.format(
                    Locale.ROOT, "%s (%,d values, %d bins)", xLabel, values.length, counts.length),
                xTicks),
            Axis.of(yLabel, Ticks.integers(0, Math.max(2, top)))); // 0, 1, 2 at least
    // one bin when all values are equal: a bar a thirtieth of the axis wide around the value
    double width = max > min ? (max - min) / counts.length : (xTicks.last() - xTicks.first()) / 30;
    double start = max > min ? min : min - width / 2;
    for (int i = 0; i < counts.length; i++) {
      double lo = start + width * i;
      double hi = start + width * (i + 1);
      String title =
          max > min
              ? String.format(Locale.ROOT, "[%s, %s): %,d", number(lo), number(hi), counts[i])
              : String.format(Locale.ROOT, "%s: %,d", number(min), counts[i]);
      if (counts[i] > 0) {
        chart.bar(lo, hi, 0, counts[i], "#3b6ea8", title);
      }
    }
    return chart.svg();
  }

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

  private static String number(double v) {
    return String.format(Locale.ROOT, "%,.2f", v);
  }
}

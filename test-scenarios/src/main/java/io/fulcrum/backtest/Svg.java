package io.fulcrum.backtest;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;

/** Minimal inline SVG charts: time-series lines with marked points, and a bar histogram. */
final class Svg {

  private Svg() {}

  /** Lines over time on one y axis; points where {@code marks[i]} get a red dot on series 1. */
  static String lines(
      List<LocalDate> dates,
      double[][] series,
      String[] colours,
      boolean[] marks,
      int w,
      int h,
      int pad) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] s : series) {
      for (double v : s) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (max == min) {
      max = min + 1;
    }
    int n = dates.size();
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">",
                w,
                h));
    axes(b, dates, min, max, w, h, pad);
    for (int k = 0; k < series.length; k++) {
      b.append("<polyline fill=\"none\" stroke-width=\"1\" stroke=\"")
          .append(colours[k])
          .append("\" points=\"");
      int step = Math.max(1, n / (w - 2 * pad) / 2);
      for (int i = 0; i < n; i += step) {
        b.append(
            String.format(
                Locale.ROOT, "%.1f,%.1f ", x(i, n, w, pad), y(series[k][i], min, max, h, pad)));
      }
      b.append("\"/>");
    }
    if (marks != null) {
      for (int i = 0; i < n; i++) {
        if (marks[i]) {
          b.append(
              String.format(
                  Locale.ROOT,
                  "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"red\"><title>%s loss %s margin %s</title></circle>",
                  x(i, n, w, pad),
                  y(series[1][i], min, max, h, pad),
                  dates.get(i),
                  BacktestHtml.f(series[1][i]),
                  BacktestHtml.f(series[0][i])));
        }
      }
    }
    return b.append("</svg>").toString();
  }

  private static void axes(
      StringBuilder b, List<LocalDate> dates, double min, double max, int w, int h, int pad) {
    b.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>",
            pad,
            h - pad,
            w - pad,
            h - pad));
    b.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>",
            pad,
            pad / 2,
            pad,
            h - pad));
    b.append(label(pad + 2, h - pad + 15, dates.get(0).toString()));
    b.append(label(w - pad - 70, h - pad + 15, dates.get(dates.size() - 1).toString()));
    b.append(label(2, pad / 2 + 10, BacktestHtml.f(max)));
    b.append(label(2, h - pad, BacktestHtml.f(min)));
    if (min < 0 && max > 0) {
      double zero = y(0, min, max, h, pad);
      b.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>",
              pad,
              zero,
              w - pad,
              zero));
    }
  }

  /** Bars of how many windows had each breach count, coloured by traffic-light zone. */
  static String histogram(
      SortedMap<Integer, Integer> counts, int window, double confidence, int w, int h, int pad) {
    if (counts.isEmpty()) {
      return "<p>No complete window.</p>";
    }
    int maxCount = counts.lastKey();
    int maxWindows = counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    double barW = (w - 2.0 * pad) / (maxCount + 1);
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">",
                w,
                h));
    for (int c = 0; c <= maxCount; c++) {
      int windows = counts.getOrDefault(c, 0);
      double bh = (h - 2.0 * pad) * windows / maxWindows;
      String colour =
          switch (BacktestHtml.zone(c, window, confidence)) {
            case GREEN -> "#5a5";
            case YELLOW -> "#db3";
            case RED -> "#c33";
          };
      b.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%d breaches: %d windows</title></rect>",
              pad + c * barW + 1,
              h - pad - bh,
              barW - 2,
              bh,
              colour,
              c,
              windows));
      b.append(label((int) (pad + c * barW + barW / 2 - 4), h - pad + 15, Integer.toString(c)));
    }
    b.append(
        label(
            pad,
            h - 5,
            "breaches per window (bar height: number of windows, max " + maxWindows + ")"));
    return b.append("</svg>").toString();
  }

  private static String label(int x, int y, String text) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>",
        x,
        y,
        BacktestHtml.esc(text));
  }

  private static double x(int i, int n, int w, int pad) {
    return pad + (w - 2.0 * pad) * i / Math.max(1, n - 1);
  }

  private static double y(double v, double min, double max, int h, int pad) {
    return h - pad - (h - 1.5 * pad) * (v - min) / (max - min);
  }
}

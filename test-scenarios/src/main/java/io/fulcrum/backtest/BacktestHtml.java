package io.fulcrum.backtest;

import io.fulcrum.engine.backtest.BacktestResult;
import io.fulcrum.engine.backtest.Breach;
import io.fulcrum.engine.backtest.CoverageReport;
import io.fulcrum.engine.backtest.Procyclicality;
import io.fulcrum.engine.backtest.TestResult;
import io.fulcrum.engine.backtest.TrafficLight;
import io.fulcrum.scenarios.report.Chart;
import io.fulcrum.scenarios.report.Html;
import io.fulcrum.scenarios.report.Ticks;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;

/**
 * A self-contained HTML page for a backtest: headline table, tests, and inline SVG charts (price,
 * margin against loss with the breaches marked, breach counts per rolling window by zone).
 */
final class BacktestHtml {

  private static final int W = 960;
  private static final int H = 260;

  private BacktestHtml() {}

  static String render(BacktestResult r, String policy) {
    StringBuilder h = new StringBuilder();
    CoverageReport t = r.tests();
    table(
        h,
        new String[][] {
          {
            "Policy / model",
            Html.escape(policy == null ? "-" : policy) + " &mdash; " + Html.escape(r.model())
          },
          {
            "Data set",
            Html.escape(r.data().name() + "@" + r.data().version())
                + " sha256 "
                + Html.escape(r.data().hash())
          },
          {
            "Period",
            r.from()
                + " .. "
                + r.to()
                + " ("
                + r.dates().size()
                + " days), MPOR "
                + r.mporDays()
                + " day(s)"
          },
          {
            "Breaches",
            r.breaches().size()
                + " (expected "
                + f(t.expectedBreaches())
                + "), coverage "
                + f(r.coverageRatio() * 100)
                + "%"
          },
          {
            "Average / peak margin",
            f(r.averageMargin())
                + " / "
                + f(r.peakMargin())
                + " on "
                + r.peakMarginDate()
                + " "
                + Html.escape(r.portfolio().currency())
          },
          {
            "Shortfall on breach days",
            "total "
                + f(r.shortfall().total())
                + ", average "
                + f(r.shortfall().average())
                + ", largest "
                + f(r.shortfall().largest())
          },
          {"Kupiec POF", test(t.kupiec())},
          {"Christoffersen independence", test(t.independence())},
          {"Christoffersen conditional coverage", test(t.conditionalCoverage())},
          {
            "Traffic light (last " + t.trafficLight().observations() + " days)",
            "<span class=\""
                + t.trafficLight().zone()
                + "\">"
                + t.trafficLight().zone()
                + "</span> "
                + t.trafficLight().breaches()
                + " breaches, F = "
                + f(t.trafficLight().cumulativeProbability())
                + "; worst "
                + t.windowDays()
                + "-day window: "
                + t.worstWindowZone()
          },
        });
    Procyclicality p = r.procyclicality();
    h.append("<h2>Procyclicality</h2>");
    table(
        h,
        new String[][] {
          {
            "Peak-to-trough",
            f(p.peakToTrough()) + " (peak " + p.peakDate() + ", trough " + p.troughDate() + ")"
          },
          {
            "Largest 1-day increase",
            f(p.largestOneDayIncrease().amount())
                + " ("
                + pct(p.largestOneDayIncrease().relative())
                + ") to "
                + p.largestOneDayIncrease().to()
          },
          {
            "Largest " + p.window() + "-day increase",
            f(p.largestWindowIncrease().amount())
                + " ("
                + pct(p.largestWindowIncrease().relative())
                + ") to "
                + p.largestWindowIncrease().to()
          },
          {"Calmest window", window(p.calmestWindow())},
          {"Most stressed window", window(p.mostStressedWindow())},
        });
    String currency = r.portfolio().currency();
    h.append("<h2>Price of ").append(Html.escape(r.portfolio().assets().get(0))).append("</h2>\n");
    h.append(
        timeSeries(
            r.dates(), new double[][] {r.prices()}, new String[] {"#555"}, null, H, "price"));
    h.append("<h2>Margin (blue) and realised ")
        .append(r.mporDays())
        .append("-day loss (grey), breaches in red</h2>\n");
    h.append(
        timeSeries(
            r.dates(),
            new double[][] {r.margins(), r.losses()},
            new String[] {"#1f5fbf", "#aaa"},
            breachMask(r),
            H + 80,
            "margin and loss (" + currency + ")"));
    h.append("<h2>Breach counts in rolling ").append(t.windowDays()).append("-day windows</h2>\n");
    h.append(breachCounts(t.breachCountDistribution(), t.windowDays(), t.confidence()));
    h.append(
        "<h2>Breaches</h2><table><tr><th>date</th><th>margin</th><th>loss</th><th>shortfall</th></tr>");
    for (Breach b : r.breaches()) {
      h.append("<tr><td>")
          .append(b.date())
          .append("</td><td class=\"n\">")
          .append(f(b.margin()))
          .append("</td><td class=\"n\">")
          .append(f(b.loss()))
          .append("</td><td class=\"n\">")
          .append(f(b.shortfall()))
          .append("</td></tr>\n");
    }
    h.append("</table><h2>Data notes</h2><ul>");
    r.data().notes().forEach(n -> h.append("<li>").append(Html.escape(n)).append("</li>"));
    h.append("</ul>\n");
    return Html.page("Margin backtest: " + r.portfolio().name(), h.toString());
  }

  /** Lines over time on one y axis; points where {@code marks[i]} get a red dot on series 1. */
  static String timeSeries(
      List<LocalDate> dates,
      double[][] series,
      String[] colours,
      boolean[] marks,
      int height,
      String yTitle) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] s : series) {
      for (double v : s) {
        if (Double.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    if (min > max) {
      return "<p class=\"muted\">Nothing to plot.</p>";
    }
    double[] days = dates.stream().mapToDouble(LocalDate::toEpochDay).toArray();
    Chart chart =
        Chart.of(
            W,
            height,
            yTitle + " by day",
            Chart.Axis.dates("date", dates.get(0), dates.get(dates.size() - 1)),
            Chart.Axis.of(yTitle, Ticks.nice(min, max)));
    for (int k = 0; k < series.length; k++) {
      chart.line(days, series[k], colours[k], null);
    }
    for (int i = 0; marks != null && i < days.length; i++) {
      if (marks[i]) {
        chart.raw(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"red\"><title>%s loss %s margin"
                    + " %s</title></circle>",
                chart.px(days[i]),
                chart.py(series[1][i]),
                dates.get(i),
                f(series[1][i]),
                f(series[0][i])));
      }
    }
    return chart.svg();
  }

  /**
   * Bars of how many windows had each breach count, coloured by the count's traffic-light zone,
   * over a background of the zones; the x axis runs at least to the first red count.
   */
  static String breachCounts(SortedMap<Integer, Integer> counts, int window, double confidence) {
    if (counts.isEmpty()) {
      return "<p>No complete window.</p>";
    }
    int redFrom = 0;
    while (redFrom < window && zone(redFrom, window, confidence) != TrafficLight.Zone.RED) {
      redFrom++;
    }
    int upper = Math.max(counts.lastKey(), redFrom);
    int maxWindows = counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    Chart chart =
        Chart.of(
            W,
            H,
            "breach counts per window",
            new Chart.Axis(
                "breaches in the window (background: traffic-light zone of the count)",
                -0.5,
                upper + 0.5,
                Ticks.integers(0, upper)),
            Chart.Axis.of("windows", Ticks.integers(0, Math.max(2, maxWindows))));
    for (int c = 0; c <= upper; c++) {
      TrafficLight.Zone zone = zone(c, window, confidence);
      chart.raw(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\""
                  + " fill-opacity=\"0.35\"/>",
              chart.px(c - 0.5),
              chart.plotTop(),
              chart.px(c + 0.5) - chart.px(c - 0.5),
              chart.py(0) - chart.plotTop(),
              switch (zone) {
                case GREEN -> "#dfd";
                case YELLOW -> "#ffe9a8";
                case RED -> "#fcc";
              }));
      int windows = counts.getOrDefault(c, 0);
      if (windows > 0) {
        chart.bar(
            c - 0.4,
            c + 0.4,
            0,
            windows,
            switch (zone) {
              case GREEN -> "#5a5";
              case YELLOW -> "#db3";
              case RED -> "#c33";
            },
            c + " breaches: " + windows + " windows (" + zone + ")");
      }
    }
    return chart.svg();
  }

  private static boolean[] breachMask(BacktestResult r) {
    boolean[] mask = new boolean[r.dates().size()];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = r.losses()[i] > r.margins()[i];
    }
    return mask;
  }

  private static void table(StringBuilder h, String[][] rows) {
    h.append("<table>");
    for (String[] row : rows) {
      h.append("<tr><th>").append(row[0]).append("</th><td>").append(row[1]).append("</td></tr>");
    }
    h.append("</table>");
  }

  private static String test(TestResult t) {
    return t == null
        ? "-"
        : "LR = "
            + f(t.statistic())
            + ", p = "
            + f(t.pValue())
            + (t.rejectedAt5Percent() ? " <b>rejected at 5%</b>" : " not rejected at 5%");
  }

  private static String window(Procyclicality.WindowLevel w) {
    return w.from()
        + " .. "
        + w.to()
        + ": daily P&amp;L vol "
        + pct(w.pnlVolatility())
        + " of gross, average margin "
        + f(w.averageMargin())
        + " ("
        + pct(w.averageMarginToGrossExposure())
        + " of gross exposure)";
  }

  static String f(double v) {
    return Double.isNaN(v)
        ? "n/a"
        : String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.2f" : "%.4g", v);
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", v * 100);
  }

  static TrafficLight.Zone zone(int count, int window, double confidence) {
    return TrafficLight.of(window, Math.min(count, window), confidence).zone();
  }
}

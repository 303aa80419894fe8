package io.fulcrum.backtest;

import io.fulcrum.engine.backtest.BacktestResult;
import io.fulcrum.engine.backtest.Breach;
import io.fulcrum.engine.backtest.CoverageReport;
import io.fulcrum.engine.backtest.Procyclicality;
import io.fulcrum.engine.backtest.TestResult;
import io.fulcrum.engine.backtest.TrafficLight;
import java.util.Locale;
import java.util.Map;

/** A self-contained HTML page for a backtest: headline table, tests, and inline SVG charts. */
final class BacktestHtml {

  private static final int W = 960;
  private static final int H = 220;
  private static final int PAD = 50;

  private BacktestHtml() {}

  static String render(BacktestResult r, String policy) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Backtest ")
        .append(esc(r.portfolio().name()))
        .append(
            "</title><style>body{font-family:sans-serif;margin:2em}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}"
                + ".GREEN{background:#cfc}.YELLOW{background:#ffc}.RED{background:#fcc}</style></head><body>");
    h.append("<h1>Margin backtest: ").append(esc(r.portfolio().name())).append("</h1>");
    CoverageReport t = r.tests();
    table(
        h,
        Map.of(),
        new String[][] {
          {"Policy / model", esc(policy == null ? "-" : policy) + " &mdash; " + esc(r.model())},
          {
            "Data set",
            esc(r.data().name() + "@" + r.data().version()) + " sha256 " + esc(r.data().hash())
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
                + esc(r.portfolio().currency())
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
        Map.of(),
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
    h.append("<h2>Price of ").append(esc(r.portfolio().assets().get(0))).append("</h2>");
    h.append(
        Svg.lines(r.dates(), new double[][] {r.prices()}, new String[] {"#555"}, null, W, H, PAD));
    h.append("<h2>Margin (blue) and realised ")
        .append(r.mporDays())
        .append("-day loss (grey), breaches in red</h2>");
    h.append(
        Svg.lines(
            r.dates(),
            new double[][] {r.margins(), r.losses()},
            new String[] {"#1f5fbf", "#aaa"},
            breachMask(r),
            W,
            H + 80,
            PAD));
    h.append("<h2>Breach counts in rolling ").append(t.windowDays()).append("-day windows</h2>");
    h.append(Svg.histogram(t.breachCountDistribution(), t.windowDays(), t.confidence(), W, H, PAD));
    h.append(
        "<h2>Breaches</h2><table><tr><th>date</th><th>margin</th><th>loss</th><th>shortfall</th></tr>");
    for (Breach b : r.breaches()) {
      h.append("<tr><td>")
          .append(b.date())
          .append("</td><td>")
          .append(f(b.margin()))
          .append("</td><td>")
          .append(f(b.loss()))
          .append("</td><td>")
          .append(f(b.shortfall()))
          .append("</td></tr>");
    }
    h.append("</table><h2>Data notes</h2><ul>");
    r.data().notes().forEach(n -> h.append("<li>").append(esc(n)).append("</li>"));
    return h.append("</ul></body></html>\n").toString();
  }

  private static boolean[] breachMask(BacktestResult r) {
    boolean[] mask = new boolean[r.dates().size()];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = r.losses()[i] > r.margins()[i];
    }
    return mask;
  }

  private static void table(StringBuilder h, Map<String, String> unused, String[][] rows) {
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

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  static TrafficLight.Zone zone(int count, int window, double confidence) {
    return TrafficLight.of(window, Math.min(count, window), confidence).zone();
  }
}

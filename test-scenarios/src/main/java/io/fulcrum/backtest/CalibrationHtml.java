package io.fulcrum.backtest;

import io.fulcrum.engine.calibration.Calibration;
import io.fulcrum.engine.calibration.Candidate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A self-contained HTML page for a calibration: the headline (target, objective, winner, the bounds
 * that held), the frontier plot as inline SVG (average margin on x, coverage on y, one mark per
 * candidate: passing and failing candidates as circles, candidates outside the manifest's bounds as
 * grey crosses, the frontier joined by a line, the winner ringed and labelled, the target coverage
 * as a dashed line) and the table of every candidate.
 */
public final class CalibrationHtml {

  static final int W = 900;
  static final int H = 480;
  static final int PAD = 70;

  private CalibrationHtml() {}

  public static String render(
      Calibration.Result r, String subject, String currency, List<String> draftNotes) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Calibration ")
        .append(BacktestHtml.esc(subject))
        .append(
            "</title><style>body{font-family:sans-serif;margin:2em}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}"
                + ".out{color:#888}.win{background:#cfc}</style></head><body>");
    h.append("<h1>Calibration: ").append(BacktestHtml.esc(subject)).append("</h1><table>");
    row(h, "Target coverage", BacktestHtml.f(r.spec().targetCoverage()));
    row(h, "Objective", r.spec().objective().label());
    row(h, "Backtests", r.backtests() + " in " + BacktestHtml.f(r.seconds()) + " s");
    row(
        h,
        "Winner",
        r.winner().map(w -> BacktestHtml.esc(w.parameters().toString())).orElse("none passes"));
    h.append("</table>");
    if (!r.boundsHeld().isEmpty()) {
      h.append("<h2>Bounds that held</h2><ul>");
      r.boundsHeld()
          .forEach(b -> h.append("<li>").append(BacktestHtml.esc(b.statement())).append("</li>"));
      h.append("</ul>");
    }
    if (!draftNotes.isEmpty()) {
      h.append("<h2>Draft: for the reviewer</h2><ul>");
      draftNotes.forEach(n -> h.append("<li>").append(BacktestHtml.esc(n)).append("</li>"));
      h.append("</ul>");
    }
    h.append("<h2>Frontier: coverage against average margin</h2>");
    h.append(frontier(r, currency));
    h.append(
        "<p>Blue: within bounds (filled: passes); grey &times;: outside the manifest's bounds"
            + " (never proposed); line: the frontier; ringed: the winner; dashed: the target.</p>");
    h.append(
        "<h2>Candidates</h2><table><tr><th>parameters</th><th>average margin</th>"
            + "<th>coverage</th><th>breaches</th><th>Kupiec p</th><th>light</th>"
            + "<th>passes</th><th>bounds</th><th>why not</th></tr>");
    for (Candidate c : r.candidates()) {
      boolean win = r.winner().filter(w -> w == c).isPresent();
      h.append("<tr class=\"")
          .append(win ? "win" : c.withinBounds() ? "" : "out")
          .append("\"><td>")
          .append(BacktestHtml.esc(c.parameters().toString()))
          .append("</td><td>")
          .append(BacktestHtml.f(c.averageMargin()))
          .append("</td><td>")
          .append(BacktestHtml.f(c.coverageRatio()))
          .append("</td><td>")
          .append(c.breaches())
          .append("</td><td>")
          .append(BacktestHtml.f(c.kupiecPValue()))
          .append("</td><td>")
          .append(c.trafficLight())
          .append("</td><td>")
          .append(c.passes() ? "yes" : "no")
          .append("</td><td>")
          .append(
              BacktestHtml.esc(c.withinBounds() ? "within" : String.join("; ", c.outsideBounds())))
          .append("</td><td>")
          .append(BacktestHtml.esc(String.join("; ", c.reasons())))
          .append("</td></tr>");
    }
    return h.append("</table></body></html>\n").toString();
  }

  private static void row(StringBuilder h, String k, String v) {
    h.append("<tr><th>").append(k).append("</th><td>").append(v).append("</td></tr>");
  }

  /** The scatter plot; candidates whose backtest failed (no numbers) are left out. */
  static String frontier(Calibration.Result r, String currency) {
    List<Candidate> shown =
        r.candidates().stream()
            .filter(c -> !Double.isNaN(c.averageMargin()) && !Double.isNaN(c.coverageRatio()))
            .toList();
    if (shown.isEmpty()) {
      return "<p>No candidate could be backtested.</p>";
    }
    double x0 = shown.stream().mapToDouble(Candidate::averageMargin).min().orElse(0);
    double x1 = shown.stream().mapToDouble(Candidate::averageMargin).max().orElse(1);
    double y0 =
        Math.min(
            r.spec().targetCoverage(),
            shown.stream().mapToDouble(Candidate::coverageRatio).min().orElse(0));
    double y1 = Math.max(1.0, shown.stream().mapToDouble(Candidate::coverageRatio).max().orElse(1));
    if (x1 == x0) {
      x0 -= 1;
      x1 += 1;
    }
    if (y1 == y0) {
      y0 -= 0.01;
    }
    Scale s = new Scale(x0, x1, y0, y1);
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\""
                    + " aria-label=\"coverage against average margin\">",
                W,
                H));
    axes(b, s, currency);
    double ty = s.y(r.spec().targetCoverage());
    b.append(
        String.format(
            Locale.ROOT,
            "<line class=\"target\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#c33\""
                + " stroke-dasharray=\"6,4\"/>",
            PAD,
            ty,
            W - PAD,
            ty));
    b.append(
        text(W - PAD - 150, (int) ty - 4, "target " + BacktestHtml.f(r.spec().targetCoverage())));
    if (!r.frontier().isEmpty()) {
      b.append("<polyline class=\"frontier\" fill=\"none\" stroke=\"#1f5fbf\" points=\"");
      for (Candidate c : r.frontier()) {
        b.append(
            String.format(
                Locale.ROOT, "%.1f,%.1f ", s.x(c.averageMargin()), s.y(c.coverageRatio())));
      }
      b.append("\"/>");
    }
    for (Candidate c : shown) {
      double x = s.x(c.averageMargin());
      double y = s.y(c.coverageRatio());
      String tip =
          BacktestHtml.esc(
              c.parameters()
                  + ": margin "
                  + BacktestHtml.f(c.averageMargin())
                  + ", coverage "
                  + BacktestHtml.f(c.coverageRatio())
                  + (c.withinBounds()
                      ? ""
                      : "; outside bounds: " + String.join("; ", c.outsideBounds())));
      if (c.withinBounds()) {
        b.append(
            String.format(
                Locale.ROOT,
                "<circle class=\"candidate\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\" stroke=\"#1f5fbf\""
                    + " fill=\"%s\"><title>%s</title></circle>",
                x,
                y,
                c.passes() ? "#1f5fbf" : "white",
                tip));
      } else {
        b.append(
            String.format(
                Locale.ROOT,
                "<path class=\"excluded\" d=\"M%.1f,%.1f l8,8 m0,-8 l-8,8\" stroke=\"#999\""
                    + " stroke-width=\"2\"><title>%s</title></path>",
                x - 4,
                y - 4,
                tip));
      }
    }
    Optional<Candidate> w = r.winner();
    if (w.isPresent()) {
      double x = s.x(w.get().averageMargin());
      double y = s.y(w.get().coverageRatio());
      b.append(
          String.format(
              Locale.ROOT,
              "<circle class=\"winner\" cx=\"%.1f\" cy=\"%.1f\" r=\"10\" fill=\"none\""
                  + " stroke=\"#2a2\" stroke-width=\"3\"><title>winner</title></circle>",
              x,
              y));
      b.append(text((int) x + 12, (int) y - 12, "winner"));
    }
    return b.append("</svg>").toString();
  }

  private record Scale(double x0, double x1, double y0, double y1) {
    double x(double v) {
      return PAD + (W - 2.0 * PAD) * (v - x0) / (x1 - x0);
    }

    double y(double v) {
      return H - PAD - (H - 1.5 * PAD) * (v - y0) / (y1 - y0);
    }
  }

  private static void axes(StringBuilder b, Scale s, String currency) {
    b.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>",
            PAD,
            H - PAD,
            W - PAD,
            H - PAD,
            PAD,
            PAD / 2,
            PAD,
            H - PAD));
    b.append(text(PAD, H - PAD + 16, BacktestHtml.f(s.x0())));
    b.append(text(W - PAD - 60, H - PAD + 16, BacktestHtml.f(s.x1())));
    b.append(text(2, H - PAD, BacktestHtml.f(s.y0())));
    b.append(text(2, (int) s.y(s.y1()) + 4, BacktestHtml.f(s.y1())));
    b.append(
        text(
            W / 2 - 120,
            H - 20,
            "average margin over the backtest (" + (currency == null ? "" : currency) + ")"));
    b.append(
        String.format(
            Locale.ROOT,
            "<text class=\"y-label\" x=\"16\" y=\"%d\" font-size=\"12\" transform=\"rotate(-90 16"
                + " %d)\">coverage (share of days the margin covered the loss)</text>",
            H / 2 + 150,
            H / 2 + 150));
  }

  private static String text(int x, int y, String s) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>",
        x,
        y,
        BacktestHtml.esc(s));
  }
}

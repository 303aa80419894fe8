package io.fulcrum.backtest;

import io.fulcrum.engine.calibration.Calibration;
import io.fulcrum.engine.calibration.Candidate;
import io.fulcrum.scenarios.report.Chart;
import io.fulcrum.scenarios.report.Html;
import io.fulcrum.scenarios.report.Ticks;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A self-contained HTML page for a calibration: the headline (target, objective, winner, the bounds
 * that held), the frontier plot as inline SVG (average margin on x, coverage on y, one mark per
 * candidate: passing and failing candidates as circles, candidates outside the manifest's bounds as
 * grey crosses, the frontier joined by a line, the winner ringed and labelled, the target coverage
 * as a dashed line inside the plot; ticks and gridlines on both axes) and the table of every
 * candidate.
 */
public final class CalibrationHtml {

  static final int W = 960;
  static final int H = 480;

  private CalibrationHtml() {}

  public static String render(
      Calibration.Result r, String subject, String currency, List<String> draftNotes) {
    StringBuilder h = new StringBuilder("<table>");
    row(h, "Target coverage", BacktestHtml.f(r.spec().targetCoverage()));
    row(h, "Objective", r.spec().objective().label());
    row(h, "Backtests", r.backtests() + " in " + BacktestHtml.f(r.seconds()) + " s");
    row(
        h,
        "Winner",
        r.winner().map(w -> Html.escape(w.parameters().toString())).orElse("none passes"));
    h.append("</table>");
    if (!r.boundsHeld().isEmpty()) {
      h.append("<h2>Bounds that held</h2><ul>");
      r.boundsHeld()
          .forEach(b -> h.append("<li>").append(Html.escape(b.statement())).append("</li>"));
      h.append("</ul>");
    }
    if (!draftNotes.isEmpty()) {
      h.append("<h2>Draft: for the reviewer</h2><ul>");
      draftNotes.forEach(n -> h.append("<li>").append(Html.escape(n)).append("</li>"));
      h.append("</ul>");
    }
    h.append("<h2>Frontier: coverage against average margin</h2>");
    h.append(
        frontier(r.candidates(), r.frontier(), r.winner(), r.spec().targetCoverage(), currency));
    h.append(
        "<p>Blue: within bounds (filled: passes); grey &times;: outside the manifest's bounds"
            + " (never proposed); line: the frontier; ringed: the winner; dashed: the target.</p>");
    h.append(
        "<h2>Candidates</h2><table><tr><th>parameters</th><th>average margin</th>"
            + "<th>coverage</th><th>breaches</th><th>Kupiec p</th><th>light</th>"
            + "<th>passes</th><th>bounds</th><th>why not</th></tr>");
    for (Candidate c : r.candidates()) {
      boolean win = r.winner().filter(w -> w == c).isPresent();
      h.append(win ? "<tr class=\"win\">" : c.withinBounds() ? "<tr>" : "<tr class=\"out\">")
          .append("<td>")
          .append(Html.escape(c.parameters().toString()))
          .append("</td><td class=\"n\">")
          .append(BacktestHtml.f(c.averageMargin()))
          .append("</td><td class=\"n\">")
          .append(BacktestHtml.f(c.coverageRatio()))
          .append("</td><td class=\"n\">")
          .append(c.breaches())
          .append("</td><td class=\"n\">")
          .append(BacktestHtml.f(c.kupiecPValue()))
          .append("</td><td>")
          .append(c.trafficLight())
          .append("</td><td>")
          .append(c.passes() ? "yes" : "no")
          .append("</td><td>")
          .append(Html.escape(c.withinBounds() ? "within" : String.join("; ", c.outsideBounds())))
          .append("</td><td>")
          .append(Html.escape(String.join("; ", c.reasons())))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
    return Html.page("Calibration: " + subject, h.toString());
  }

  private static void row(StringBuilder h, String k, String v) {
    h.append("<tr><th>").append(k).append("</th><td>").append(v).append("</td></tr>");
  }

  /**
   * The scatter plot; candidates whose backtest failed (no numbers) are left out. The y axis starts
   * below both the lowest coverage and the target, so the dashed target line lies inside the plot.
   */
  static String frontier(
      List<Candidate> candidates,
      List<Candidate> frontier,
      Optional<Candidate> winner,
      double target,
      String currency) {
    List<Candidate> shown =
        candidates.stream()
            .filter(c -> !Double.isNaN(c.averageMargin()) && !Double.isNaN(c.coverageRatio()))
            .toList();
    if (shown.isEmpty()) {
      return "<p>No candidate could be backtested.</p>";
    }
    double x0 = shown.stream().mapToDouble(Candidate::averageMargin).min().orElseThrow();
    double x1 = shown.stream().mapToDouble(Candidate::averageMargin).max().orElseThrow();
    double y0 =
        Math.min(target, shown.stream().mapToDouble(Candidate::coverageRatio).min().orElseThrow());
    double y1 =
        Math.max(1.0, shown.stream().mapToDouble(Candidate::coverageRatio).max().orElseThrow());
    y0 = Math.min(y0, y1 - 0.01);
    Chart chart =
        Chart.of(
            W,
            H,
            "coverage against average margin",
            Chart.Axis.of(
                "average margin over the backtest (" + (currency == null ? "" : currency) + ")",
                Ticks.nice(x0, x1)),
            Chart.Axis.of(
                "coverage (share of days the margin covered the loss)",
                Ticks.nice(y0 - 0.05 * (y1 - y0), y1)));
    chart.reference(target, "#c33", "target", "target " + BacktestHtml.f(target));
    if (!frontier.isEmpty()) {
      chart.line(
          frontier.stream().mapToDouble(Candidate::averageMargin).toArray(),
          frontier.stream().mapToDouble(Candidate::coverageRatio).toArray(),
          "#1f5fbf",
          "frontier");
    }
    for (Candidate c : shown) {
      double x = chart.px(c.averageMargin());
      double y = chart.py(c.coverageRatio());
      String tip =
          Html.escape(
              c.parameters()
                  + ": margin "
                  + BacktestHtml.f(c.averageMargin())
                  + ", coverage "
                  + BacktestHtml.f(c.coverageRatio())
                  + (c.withinBounds()
                      ? ""
                      : "; outside bounds: " + String.join("; ", c.outsideBounds())));
      chart.raw(
          c.withinBounds()
              ? String.format(
                  Locale.ROOT,
                  "<circle class=\"candidate\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\" stroke=\"#1f5fbf\""
                      + " fill=\"%s\"><title>%s</title></circle>",
                  x,
                  y,
                  c.passes() ? "#1f5fbf" : "white",
                  tip)
              : String.format(
                  Locale.ROOT,
                  "<path class=\"excluded\" d=\"M%.1f,%.1f l8,8 m0,-8 l-8,8\" stroke=\"#999\""
                      + " stroke-width=\"2\"><title>%s</title></path>",
                  x - 4,
                  y - 4,
                  tip));
    }
    if (winner.isPresent()) {
      double x = chart.px(winner.get().averageMargin());
      double y = chart.py(winner.get().coverageRatio());
      chart.raw(
          String.format(
              Locale.ROOT,
              "<circle class=\"winner\" cx=\"%.1f\" cy=\"%.1f\" r=\"10\" fill=\"none\""
                  + " stroke=\"#2a2\" stroke-width=\"3\"><title>winner</title></circle>"
                  + "<text class=\"note\" x=\"%.1f\" y=\"%.1f\">winner</text>",
              x,
              y,
              x + 12,
              y + 18));
    }
    return chart.svg();
  }
}

package io.fulcrum.scenarios.report;

import io.fulcrum.engine.json.Json;
import io.fulcrum.scenarios.stress.AccountStress;
import io.fulcrum.scenarios.stress.StressResult;
import io.fulcrum.scenarios.stress.StressResult.ScenarioOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Text, JSON and HTML of a stress run. */
public final class StressReports {

  private static final int TEXT_ACCOUNTS = 10;

  private StressReports() {}

  public static String text(StressResult r) {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "stress of book %s under %s (%.2fs)%n",
                r.book(),
                r.policy().ref(),
                r.seconds()));
    for (ScenarioOutcome o : r.scenarios()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%n%s: %s [%s, %s]%n",
              o.scenario().name(),
              o.scenario().title(),
              o.scenario().kind().name().toLowerCase(Locale.ROOT),
              o.scenario().period()));
      o.scenario()
          .shock()
          .priceMoves()
          .forEach(
              (asset, move) ->
                  sb.append(
                      String.format(
                          Locale.ROOT,
                          "  %s %+.2f%%   source: %s%n",
                          asset,
                          move.doubleValue() * 100,
                          o.scenario().sources().get(asset))));
      o.scenario()
          .shock()
          .assetPrices()
          .forEach(
              (asset, price) ->
                  sb.append(
                      String.format(
                          Locale.ROOT,
                          "  %s at %s   source: %s%n",
                          asset,
                          price.toPlainString(),
                          o.scenario().sources().get(asset))));
      sb.append(
          String.format(
              Locale.ROOT,
              "  book: posted %s, loss %s, total shortfall %s, cover-2 %s, liquidated %,d (%,d newly), "
                  + "losses above initial margin %,d, failed %,d%n",
              Html.money(o.totalPosted()),
              Html.money(o.totalLoss()),
              Html.money(o.totalShortfall()),
              Html.money(o.coverTwo()),
              o.liquidated(),
              o.newlyLiquidated(),
              o.lossesAboveInitialMargin(),
              o.failures()));
      for (AccountStress a : o.largestTwo()) {
        sb.append(
            String.format(
                Locale.ROOT,
                "  largest shortfall: %s %s (loss %s vs posted %s)%n",
                a.account(),
                Html.money(a.shortfall()),
                Html.money(a.loss()),
                Html.money(a.postedMargin())));
      }
      if (o.accounts().size() <= TEXT_ACCOUNTS) {
        for (AccountStress a : o.accounts()) {
          sb.append(
              a.failed()
                  ? String.format(Locale.ROOT, "    %-28s FAILED %s%n", a.account(), a.failure())
                  : String.format(
                      Locale.ROOT,
                      "    %-28s posted %14s  IM %14s  loss %14s  shortfall %14s  %s -> %s%n",
                      a.account(),
                      Html.money(a.postedMargin()),
                      Html.money(a.initialMargin()),
                      Html.money(a.loss()),
                      Html.money(a.shortfall()),
                      a.baseStatus(),
                      a.stressedStatus()));
        }
      }
    }
    return sb.toString();
  }

  public static String json(StressResult r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("book", r.book());
    root.put("policy", r.policy());
    root.put("scenarios", r.scenarios().stream().map(StressReports::scenario).toList());
    return Json.pretty(root);
  }

  private static Map<String, Object> scenario(ScenarioOutcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", o.scenario().name());
    m.put("title", o.scenario().title());
    m.put("kind", o.scenario().kind());
    m.put("period", o.scenario().period());
    m.put("priceMoves", o.scenario().shock().priceMoves());
    m.put("assetPrices", o.scenario().shock().assetPrices());
    m.put("sources", o.scenario().sources());
    m.put("totalPosted", o.totalPosted());
    m.put("totalLoss", o.totalLoss());
    m.put("totalShortfall", o.totalShortfall());
    m.put("coverTwo", o.coverTwo());
    m.put(
        "largestShortfalls",
        o.largestTwo().stream()
            .map(a -> Map.of("account", a.account(), "shortfall", a.shortfall()))
            .toList());
    m.put("liquidated", o.liquidated());
    m.put("newlyLiquidated", o.newlyLiquidated());
    m.put("lossesAboveInitialMargin", o.lossesAboveInitialMargin());
    m.put("accounts", o.accounts());
    return m;
  }

  public static String html(StressResult r, int listed) {
    StringBuilder b = new StringBuilder();
    b.append("<p>Policy <b>")
        .append(Html.escape(r.policy().ref()))
        .append("</b> <span class=\"muted\">")
        .append(Html.escape(r.policy().hash()))
        .append(
            "</span>. Loss = margin balance on the base market minus margin "
                + "balance under the scenario; shortfall = loss beyond the posted margin (negative equity at scenario prices).</p>\n");
    b.append(
        "<h2>Book</h2>\n<table><tr><th>scenario</th><th>kind</th><th>posted</th><th>loss</th><th>total shortfall</th>"
            + "<th>cover-2</th><th>liquidated</th><th>loss &gt; IM</th></tr>\n");
    for (ScenarioOutcome o : r.scenarios()) {
      b.append("<tr><td>")
          .append(Html.escape(o.scenario().name()))
          .append("</td><td>")
          .append(o.scenario().kind())
          .append("</td>")
          .append(cell(Html.money(o.totalPosted())))
          .append(cell(Html.money(o.totalLoss())))
          .append(cell(Html.money(o.totalShortfall())))
          .append(cell(Html.money(o.coverTwo())))
          .append(
              cell(
                  String.format(Locale.ROOT, "%,d (%,d new)", o.liquidated(), o.newlyLiquidated())))
          .append(cell(String.format(Locale.ROOT, "%,d", o.lossesAboveInitialMargin())))
          .append("</tr>\n");
    }
    b.append("</table>\n");
    for (ScenarioOutcome o : r.scenarios()) {
      b.append("<h2>")
          .append(Html.escape(o.scenario().name() + ": " + o.scenario().title()))
          .append("</h2>\n<ul>");
      o.scenario()
          .sources()
          .forEach(
              (asset, source) ->
                  b.append("<li><b>")
                      .append(Html.escape(asset))
                      .append("</b> ")
                      .append(Html.escape(moveText(o, asset)))
                      .append(": ")
                      .append(Html.escape(source))
                      .append("</li>"));
      b.append("</ul>\n<p class=\"muted\">")
          .append(Html.escape(o.scenario().notes()))
          .append("</p>\n");
      b.append(
          "<table><tr><th>account</th><th>posted</th><th>initial margin</th><th>loss</th><th>shortfall</th>"
              + "<th>status</th></tr>\n");
      List<AccountStress> rows =
          o.accounts().stream()
              .filter(a -> a.failed() || a.shortfall().signum() > 0 || a.exceedsInitialMargin())
              .limit(listed)
              .toList();
      for (AccountStress a : rows) {
        b.append("<tr><td>").append(Html.escape(a.account())).append("</td>");
        if (a.failed()) {
          b.append("<td colspan=\"5\" class=\"fail\">")
              .append(Html.escape(a.failure()))
              .append("</td></tr>\n");
          continue;
        }
        b.append(cell(Html.money(a.postedMargin())))
            .append(cell(Html.money(a.initialMargin())))
            .append(cell(Html.money(a.loss())))
            .append(cell(Html.money(a.shortfall())))
            .append("<td>")
            .append(a.baseStatus())
            .append(" &rarr; ")
            .append(a.stressedStatus())
            .append("</td></tr>\n");
      }
      b.append(
              "</table><p class=\"muted\">Listed: accounts with a shortfall or a loss above their initial margin (at most ")
          .append(listed)
          .append(").</p>\n");
    }
    return Html.page("Stress: " + r.book() + " under " + r.policy().ref(), b.toString());
  }

  private static String moveText(ScenarioOutcome o, String asset) {
    var move = o.scenario().shock().priceMoves().get(asset);
    if (move != null) {
      return String.format(Locale.ROOT, "%+.2f%%", move.doubleValue() * 100);
    }
    var price = o.scenario().shock().assetPrices().get(asset);
    return price == null ? "" : "at " + price.toPlainString();
  }

  private static String cell(String text) {
    return "<td class=\"n\">" + text + "</td>";
  }
}

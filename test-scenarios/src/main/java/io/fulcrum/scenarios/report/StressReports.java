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

  /** How to read loss, shortfall and deficit; printed in every report. */
  public static final String SIGN_CONVENTION =
      "loss = posted margin (margin balance on the base market) - margin balance under the"
          + " scenario: positive is a loss, negative a gain. shortfall = negative equity the"
          + " scenario causes (closed out at scenario prices, no liquidation in between); an"
          + " account already in deficit before the move is shown under 'deficit before the"
          + " scenario' and that deficit is not counted as shortfall.";

  private StressReports() {}

  public static String text(StressResult r) {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "stress of book %s under %s (%.2fs)%n%s%n",
                r.book(),
                r.policy().ref(),
                r.seconds(),
                SIGN_CONVENTION));
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
              "  book: posted %s, loss %s, shortfall caused by the scenario %s, deficit before the"
                  + " scenario %s, cover-2 %s, liquidated %,d (%,d newly), losses above initial"
                  + " margin %,d, failed %,d%n",
              Html.money(o.totalPosted()),
              Html.money(o.totalLoss()),
              Html.money(o.totalShortfall()),
              Html.money(o.totalPreExistingDeficit()),
              Html.money(o.coverTwo()),
              o.liquidated(),
              o.newlyLiquidated(),
              o.lossesAboveInitialMargin(),
              o.failures()));
      for (AccountStress a : o.largestTwo()) {
        sb.append(
            String.format(
                Locale.ROOT,
                "  cover-2 account: %s shortfall %s (loss %s vs posted %s)%n",
                a.account(),
                Html.money(a.shortfall()),
                Html.money(a.loss()),
                Html.money(a.postedMargin())));
      }
      if (o.accounts().size() > TEXT_ACCOUNTS) {
        List<AccountStress> failed = o.accounts().stream().filter(AccountStress::failed).toList();
        failed.stream()
            .limit(20)
            .forEach(
                a ->
                    sb.append(
                        String.format(
                            Locale.ROOT, "    %-28s FAILED %s%n", a.account(), a.failure())));
        if (failed.size() > 20) {
          sb.append(
              String.format(
                  Locale.ROOT,
                  "    ... %,d more failed accounts, all in the JSON and HTML reports%n",
                  failed.size() - 20));
        }
      } else {
        for (AccountStress a : o.accounts()) {
          sb.append(
              a.failed()
                  ? String.format(Locale.ROOT, "    %-28s FAILED %s%n", a.account(), a.failure())
                  : String.format(
                      Locale.ROOT,
                      "    %-28s posted %14s  IM %14s  loss %14s  shortfall %14s  prior deficit %14s"
                          + "  %s -> %s%n",
                      a.account(),
                      Html.money(a.postedMargin()),
                      Html.money(a.initialMargin()),
                      Html.money(a.loss()),
                      Html.money(a.shortfall()),
                      Html.money(a.preExistingDeficit()),
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
    root.put("signConvention", SIGN_CONVENTION);
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
    m.put("totalPreExistingDeficit", o.totalPreExistingDeficit());
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
        .append("</span>.</p>\n<p><b>Sign convention.</b> ")
        .append(Html.escape(SIGN_CONVENTION))
        .append("</p>\n");
    b.append(
        "<h2>Book</h2>\n<table><tr><th>scenario</th><th>kind</th><th>posted</th><th>loss</th>"
            + "<th>shortfall caused by the scenario</th><th>deficit before the scenario</th>"
            + "<th>cover-2</th><th>cover-2 accounts</th><th>liquidated</th><th>loss &gt; IM</th>"
            + "<th>failed</th></tr>\n");
    for (ScenarioOutcome o : r.scenarios()) {
      b.append("<tr><td>")
          .append(Html.escape(o.scenario().name()))
          .append("</td><td>")
          .append(o.scenario().kind())
          .append("</td>")
          .append(Html.numberCell(Html.money(o.totalPosted())))
          .append(Html.numberCell(Html.money(o.totalLoss())))
          .append(Html.numberCell(Html.money(o.totalShortfall())))
          .append(Html.numberCell(Html.money(o.totalPreExistingDeficit())))
          .append(Html.numberCell(Html.money(o.coverTwo())))
          .append("<td>")
          .append(Html.escape(coverTwoNames(o)))
          .append("</td>")
          .append(
              Html.numberCell(
                  String.format(Locale.ROOT, "%,d (%,d new)", o.liquidated(), o.newlyLiquidated())))
          .append(Html.numberCell(String.format(Locale.ROOT, "%,d", o.lossesAboveInitialMargin())))
          .append(Html.numberCell(String.format(Locale.ROOT, "%,d", o.failures())))
          .append("</tr>\n");
    }
    b.append("</table>\n");
    for (ScenarioOutcome o : r.scenarios()) {
      scenarioSection(b, o, listed);
    }
    return Html.page("Stress: " + r.book() + " under " + r.policy().ref(), b.toString());
  }

  private static void scenarioSection(StringBuilder b, ScenarioOutcome o, int listed) {
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
        .append("</p>\n<p><b>Cover-2</b> ")
        .append(Html.money(o.coverTwo()))
        .append(": ")
        .append(Html.escape(coverTwoNames(o)))
        .append("</p>\n");
    List<AccountStress> ranked = o.rankedByShortfall();
    b.append(
            Chart.histogram(
                o.shortfalls(),
                30,
                "shortfall caused by the scenario (valuation currency), accounts with a shortfall",
                "accounts"))
        .append('\n');
    b.append(
        "<table><tr><th>rank</th><th>account</th><th>shortfall</th><th>loss</th><th>posted</th>"
            + "<th>deficit before</th><th>initial margin</th><th>status</th></tr>\n");
    for (int i = 0; i < Math.min(listed, ranked.size()); i++) {
      AccountStress a = ranked.get(i);
      b.append("<tr")
          .append(i < 2 ? " class=\"fail\"" : "")
          .append(">")
          .append(Html.numberCell(String.valueOf(i + 1)))
          .append("<td>")
          .append(Html.escape(a.account()))
          .append(i < 2 ? " (cover-2)" : "")
          .append("</td>")
          .append(Html.numberCell(Html.money(a.shortfall())))
          .append(Html.numberCell(Html.money(a.loss())))
          .append(Html.numberCell(Html.money(a.postedMargin())))
          .append(Html.numberCell(Html.money(a.preExistingDeficit())))
          .append(Html.numberCell(Html.money(a.initialMargin())))
          .append("<td>")
          .append(a.baseStatus())
          .append(" &rarr; ")
          .append(a.stressedStatus())
          .append("</td></tr>\n");
    }
    b.append("</table>\n<p class=\"muted\">")
        .append(
            String.format(
                Locale.ROOT,
                "%,d of %,d accounts have a shortfall caused by the scenario; ranked by shortfall,"
                    + " largest first, %s.",
                ranked.size(),
                o.accounts().size(),
                ranked.size() <= listed
                    ? "all listed"
                    : String.format(Locale.ROOT, "the first %,d listed (--list)", listed)))
        .append("</p>\n");
    List<AccountStress> failed = o.accounts().stream().filter(AccountStress::failed).toList();
    if (!failed.isEmpty()) {
      b.append("<p class=\"fail\">Accounts that could not be decided:</p>\n<ul>");
      failed.forEach(
          a ->
              b.append("<li>")
                  .append(Html.escape(a.account()))
                  .append(": ")
                  .append(Html.escape(a.failure()))
                  .append("</li>"));
      b.append("</ul>\n");
    }
  }

  /** E.g. {@code b4-cross-2m (350,000.00) and b3-cross-500k (120,000.00)}. */
  static String coverTwoNames(ScenarioOutcome o) {
    List<AccountStress> two = o.largestTwo();
    if (two.isEmpty()) {
      return "no account has a shortfall";
    }
    return two.stream()
        .map(a -> a.account() + " (" + Html.money(a.shortfall()) + ")")
        .collect(java.util.stream.Collectors.joining(" and "));
  }

  private static String moveText(ScenarioOutcome o, String asset) {
    var move = o.scenario().shock().priceMoves().get(asset);
    if (move != null) {
      return String.format(Locale.ROOT, "%+.2f%%", move.doubleValue() * 100);
    }
    var price = o.scenario().shock().assetPrices().get(asset);
    return price == null ? "" : "at " + price.toPlainString();
  }
}

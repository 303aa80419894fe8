package io.fulcrum.backtest;

import static io.fulcrum.scenarios.report.ChartTest.tickLabels;
import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.calibration.Candidate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every chart of the backtest and calibration reports labels nice ticks on both axes. */
class ReportChartsTest {

  private static final LocalDate FROM = LocalDate.of(2020, 11, 23);

  private static List<LocalDate> year() {
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate d = FROM; !d.isAfter(LocalDate.of(2021, 11, 22)); d = d.plusDays(1)) {
      dates.add(d);
    }
    return dates;
  }

  @Test
  void priceChart_datesEveryTwoMonths_pricesEveryTwoThousand() {
    List<LocalDate> dates = year();
    double[] prices = new double[dates.size()];
    for (int i = 0; i < prices.length; i++) {
      prices[i] = 34_436.48 + (43_045.60 - 34_436.48) * i / (prices.length - 1);
    }
    String svg =
        BacktestHtml.timeSeries(
            dates, new double[][] {prices}, new String[] {"#555"}, null, 260, "price");

    assertThat(tickLabels(svg, "x"))
        .containsExactly("2021-01", "2021-03", "2021-05", "2021-07", "2021-09", "2021-11");
    assertThat(tickLabels(svg, "y"))
        .containsExactly("34,000", "36,000", "38,000", "40,000", "42,000", "44,000");
  }

  @Test
  void marginChart_marksBreaches_andDrawsTheZeroGridlineDarker() {
    List<LocalDate> dates = year();
    double[] margins = new double[dates.size()];
    double[] losses = new double[dates.size()];
    boolean[] breach = new boolean[dates.size()];
    for (int i = 0; i < margins.length; i++) {
      margins[i] = 40_000;
      losses[i] = i == 100 ? 53_344.02 : -20_000;
      breach[i] = i == 100;
    }
    String svg =
        BacktestHtml.timeSeries(
            dates,
            new double[][] {margins, losses},
            new String[] {"#1f5fbf", "#aaa"},
            breach,
            340,
            "margin and loss (USD)");

    assertThat(tickLabels(svg, "x")).hasSizeGreaterThan(2);
    // -20,000..53,344.02: step 20,000 covers -20,000..60,000 in 4 intervals (10,000: 8)
    assertThat(tickLabels(svg, "y")).containsExactly("-20,000", "0", "20,000", "40,000", "60,000");
    assertThat(svg).contains("class=\"grid zero\"").contains("<title>2021-03-03 loss 53,344.02");
  }

  @Test
  void timeSeries_scalesOnTheFiniteValues() {
    List<LocalDate> dates = List.of(FROM, FROM.plusDays(1), FROM.plusDays(2));
    String[] grey = {"#555"};
    String svg =
        BacktestHtml.timeSeries(
            dates, new double[][] {{0.2, Double.NaN, 0.9}}, grey, null, 260, "price");
    assertThat(tickLabels(svg, "y")).containsExactly("0.2", "0.4", "0.6", "0.8", "1.0");
    assertThat(
            BacktestHtml.timeSeries(
                dates, new double[][] {{Double.NaN, Double.NaN, Double.NaN}}, grey, null, 260, "p"))
        .contains("Nothing to plot.");
  }

  @Test
  void breachCountChart_runsToTheRedZone_withCountsAsWholeNumbers() {
    TreeMap<Integer, Integer> counts = new TreeMap<>();
    counts.put(0, 10);
    counts.put(1, 116);
    counts.put(3, 5);
    String svg = BacktestHtml.breachCounts(counts, 250, 0.99);

    // 250 days at 99%: green 0-4, yellow 5-9, red from 10, so the axis runs to 10
    assertThat(tickLabels(svg, "x")).containsExactly("0", "2", "4", "6", "8", "10");
    assertThat(tickLabels(svg, "y")).containsExactly("0", "20", "40", "60", "80", "100", "120");
    assertThat(svg.split("fill=\"#ffe9a8\"", -1)).hasSize(5 + 1); // yellow band, 5..9
    assertThat(svg.split("fill=\"#fcc\"", -1)).hasSize(1 + 1); // red band, 10
    assertThat(svg).contains("<title>3 breaches: 5 windows (GREEN)</title>");
  }

  @Test
  void frontier_targetLineLiesInsideThePlot_notOnTheAxis() {
    Candidate excludedAtTarget = candidate("0", 34_436.48, 0.99, true, List.of("below floor"));
    Candidate winner = candidate("0.25", 43_045.60, 0.9973, true, List.of());
    Candidate top = candidate("0.35", 41_000, 1.0, true, List.of());
    Candidate failing = candidate("0.3", 42_000, 0.995, false, List.of());
    String svg =
        CalibrationHtml.frontier(
            List.of(excludedAtTarget, winner, top, failing),
            List.of(winner, top),
            Optional.of(winner),
            0.99,
            "USD");

    assertThat(tickLabels(svg, "x"))
        .containsExactly("34,000", "36,000", "38,000", "40,000", "42,000", "44,000");
    // the lowest coverage equals the target: the axis starts one step below it
    assertThat(tickLabels(svg, "y"))
        .containsExactly("0.988", "0.990", "0.992", "0.994", "0.996", "0.998", "1.000");
    double target = number(svg, "<line class=\"target\" x1=\"\\d+\" y1=\"([\\d.]+)\"");
    double row0990 =
        number(svg, "<text class=\"tick-y\" x=\"\\d+\" y=\"([\\d.]+)\"[^>]*>0.990<") - 4;
    double row0988 =
        number(svg, "<text class=\"tick-y\" x=\"\\d+\" y=\"([\\d.]+)\"[^>]*>0.988<") - 4;
    assertThat(target).isEqualTo(row0990).isLessThan(row0988);
    assertThat(svg.split("class=\"candidate\"", -1)).hasSize(3 + 1);
    assertThat(svg.split("class=\"excluded\"", -1)).hasSize(1 + 1);
    assertThat(svg).contains("class=\"winner\"", "class=\"frontier\"", ">target 0.9900</text>");
  }

  private static double number(String svg, String regex) {
    Matcher m = Pattern.compile(regex).matcher(svg);
    assertThat(m.find()).as(regex).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static Candidate candidate(
      String rate, double margin, double coverage, boolean passes, List<String> outside) {
    return new Candidate(
        new TreeMap<>(java.util.Map.of("apcBufferRate", rate)),
        margin,
        margin * 2,
        coverage,
        1,
        0.1,
        "GREEN",
        1.0,
        passes,
        passes ? List.of() : List.of("coverage below target"),
        "grid",
        outside);
  }
}

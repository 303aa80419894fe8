package io.fulcrum.scenarios.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

public class ChartTest {

  private static final Pattern TICK =
      Pattern.compile("<text class=\"tick-(x|y)\"[^>]*>([^<]*)</text>");

  /** The tick labels of one axis ({@code x} or {@code y}) of every chart in {@code html}. */
  public static List<String> tickLabels(String html, String axis) {
    Matcher m = TICK.matcher(html);
    List<String> labels = new java.util.ArrayList<>();
    while (m.find()) {
      if (m.group(1).equals(axis)) {
        labels.add(m.group(2));
      }
    }
    return labels;
  }

  @Test
  void histogram_labelsNiceTicksOnBothAxes() {
    // 0.05, 0.15, ..., 0.95 and one more 0.95: 10 bins of 0.09 between 0.05 and 0.95
    double[] values = new double[11];
    for (int i = 0; i < 10; i++) {
      values[i] = 0.05 + 0.1 * i;
    }
    values[10] = 0.95;
    String svg = Chart.histogram(values, 10, "change", "cells");

    assertThat(tickLabels(svg, "x")).containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
    // the tallest bin (the last) holds 2: whole counts 0, 1, 2
    assertThat(tickLabels(svg, "y")).containsExactly("0", "1", "2");
    assertThat(svg)
        .contains(">change (11 values, 10 bins)</text>", ">cells</text>")
        .contains("<title>[0.86, 0.95): 2</title>");
    // a gridline per tick: 6 vertical, 3 horizontal
    assertThat(svg.split("<line class=\"grid", -1)).hasSize(6 + 3 + 1);
  }

  @Test
  void histogram_ofEqualValues_isOneBarInsideAWidenedAxis() {
    String svg = Chart.histogram(new double[] {250, 250, 250}, 30, "shortfall", "accounts");
    // 250 -> [150, 350]: step 50 gives 4 intervals
    assertThat(tickLabels(svg, "x")).containsExactly("150", "200", "250", "300", "350");
    assertThat(svg).contains("<title>250.00: 3</title>").contains("(3 values, 1 bins)");
  }

  @Test
  void histogram_ofNothing_saysSo() {
    assertThat(Chart.histogram(new double[0], 30, "x", "y")).contains("Nothing to plot.");
  }

  @Test
  void histogram_ofSingleCounts_stillLabelsThreeCounts() {
    // every bin holds at most one value: the count axis runs 0, 1, 2 rather than 0, 1
    String svg = Chart.histogram(new double[] {1, 2, 3}, 30, "x", "y");
    assertThat(tickLabels(svg, "y")).containsExactly("0", "1", "2");
  }

  @Test
  void dataOutsideTheAxis_isRefusedByTheAxis() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Chart.Axis("flat", 1, 1, Ticks.nice(1, 1)))
        .hasMessageContaining("axis 'flat' needs max > min");
  }
}

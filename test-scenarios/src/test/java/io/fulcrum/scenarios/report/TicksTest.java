package io.fulcrum.scenarios.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nice axis ticks, each case worked out by hand (the tests run under de_DE: labels must not). */
class TicksTest {

  @Test
  void unitRange_stepsOfTwoTenths() {
    // span 1: step 0.1 gives 10 intervals, 0.2 gives 5 (the target), 0.5 gives 2
    Ticks t = Ticks.nice(0, 1);
    assertThat(t.values()).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);
    assertThat(t.labels()).containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
  }

  @Test
  void averageMargins_stepsOfTwoThousand_withThousandsSeparators() {
    // step 1,000: 34,000..44,000 is 10 intervals; step 2,000: 34,000..44,000 is 5; 5,000:
    // 30,000..45,000 is 3
    Ticks t = Ticks.nice(34_436.48, 43_045.60);
    assertThat(t.values())
        .containsExactly(34_000.0, 36_000.0, 38_000.0, 40_000.0, 42_000.0, 44_000.0);
    assertThat(t.labels())
        .containsExactly("34,000", "36,000", "38,000", "40,000", "42,000", "44,000");
  }

  @Test
  void degenerateRange_isWidenedByItsPowerOfTen() {
    // 5 -> [4, 6]: step 0.5 gives 4 intervals (0.2: 10, 1: 2)
    assertThat(Ticks.nice(5, 5).labels()).containsExactly("4.0", "4.5", "5.0", "5.5", "6.0");
    // 0 -> [-1, 1]: step 0.5 gives 4 intervals
    assertThat(Ticks.nice(0, 0).values()).containsExactly(-1.0, -0.5, 0.0, 0.5, 1.0);
    // a count of 3 everywhere -> [2, 4], whole steps only
    assertThat(Ticks.integers(3, 3).labels()).containsExactly("2", "3", "4");
  }

  @Test
  void negativeRanges() {
    // span 0.32: step 0.1 covers -0.4..0 in 4 intervals (0.05 would need 7)
    Ticks small = Ticks.nice(-0.37, -0.05);
    assertThat(small.values()).containsExactly(-0.4, -0.3, -0.2, -0.1, 0.0);
    assertThat(small.labels()).containsExactly("-0.4", "-0.3", "-0.2", "-0.1", "0.0");
    // mirrored margins
    assertThat(Ticks.nice(-43_045.60, -34_436.48).labels())
        .containsExactly("-44,000", "-42,000", "-40,000", "-38,000", "-36,000", "-34,000");
    // across zero: -37,000..82,000, span 119,000: step 20,000 gives -40,000..100,000, 7 intervals;
    // 50,000 gives -50,000..100,000, 3 intervals; 7 - 5 = 2 = 5 - 3, the smaller range wins
    assertThat(Ticks.nice(-37_000, 82_000).labels())
        .containsExactly(
            "-40,000", "-20,000", "0", "20,000", "40,000", "60,000", "80,000", "100,000");
  }

  @Test
  void coverageNearOne_hasThreeDecimals() {
    // 0.9895..1: step 0.002 covers 0.988..1 in 6 intervals (0.005: 0.985..1, 3)
    assertThat(Ticks.nice(0.9895, 1.0).labels())
        .containsExactly("0.988", "0.990", "0.992", "0.994", "0.996", "0.998", "1.000");
  }

  @Test
  void counts_neverStepBelowOne() {
    assertThat(Ticks.integers(0, 1).labels()).containsExactly("0", "1");
    // 0..116 windows: step 20 gives 0..120 in 6 intervals (50: 3, 10: 12)
    assertThat(Ticks.integers(0, 116).labels())
        .containsExactly("0", "20", "40", "60", "80", "100", "120");
  }

  @Test
  void dates_aYearByTwoMonths_andAMonthByWeeks() {
    // 2020-11-23 .. 2021-11-22: the first of every second month from 2021-01 (6 ticks);
    // monthly would be 12, quarterly 4 (2021-01, -04, -07, -10)
    Ticks year = Ticks.dates(LocalDate.of(2020, 11, 23), LocalDate.of(2021, 11, 22));
    assertThat(year.labels())
        .containsExactly("2021-01", "2021-03", "2021-05", "2021-07", "2021-09", "2021-11");
    assertThat(year.first()).isEqualTo(LocalDate.of(2021, 1, 1).toEpochDay());
    // 2026-11-01 (a Sunday) .. 2026-12-10: Mondays from 2026-11-02, 6 ticks
    assertThat(Ticks.dates(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 10)).labels())
        .containsExactly(
            "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30", "2026-12-07");
  }

  @Test
  void badRanges_areRefused() {
    assertThatThrownBy(() -> Ticks.nice(2, 1)).hasMessageContaining("[2.0, 1.0]");
    assertThatThrownBy(() -> Ticks.nice(0, Double.NaN)).hasMessageContaining("finite");
    assertThatThrownBy(() -> new Ticks(List.of(1.0), List.of()))
        .hasMessageContaining("one label per value");
  }
}

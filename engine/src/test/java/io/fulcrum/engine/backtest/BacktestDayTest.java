package io.fulcrum.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One margin day at a time ({@link Backtest#day}) summarised over a window ({@link
 * Backtest#summarise}) gives what the batch {@link Backtest#run} gives over the same days: what the
 * service's daily monitoring relies on.
 */
class BacktestDayTest {

  @Test
  void daysOneByOne_summarised_equalTheBatchRun() {
    PricePanel panel = BacktestTest.gaussianPanel(7L, 700, 0.03);
    MarginModel var =
        BacktestTest.model(
            Map.of("measure", "historical-var", "confidence", "0.975", "lookback", "250"));
    LocalDate from = panel.dates().get(400);
    LocalDate to = panel.dates().get(649);
    BacktestSpec spec = new BacktestSpec(BacktestTest.longOne(), var, 1, 0.975, from, to);
    BacktestResult batch = Backtest.run(panel, BacktestTest.SYNTHETIC, spec);

    List<Backtest.Day> days = new ArrayList<>();
    for (int t = 400; t <= 649; t++) {
      days.add(Backtest.day(panel, spec, panel.dates().get(t)));
    }
    BacktestResult daily = Backtest.summarise(BacktestTest.SYNTHETIC, spec, days);

    assertThat(daily.dates()).isEqualTo(batch.dates());
    assertThat(daily.margins()).isEqualTo(batch.margins());
    assertThat(daily.losses()).isEqualTo(batch.losses());
    assertThat(daily.breaches()).isEqualTo(batch.breaches());
    assertThat(daily.tests()).isEqualTo(batch.tests());
    assertThat(daily.procyclicality()).isEqualTo(batch.procyclicality());
    assertThat(batch.breaches()).isNotEmpty();
    // breach is strict: loss > margin
    for (Backtest.Day d : days) {
      assertThat(d.breach()).isEqualTo(d.loss() > d.margin());
    }
  }

  @Test
  void aDayWithoutHistoryOrRealisedLoss_isRefused() {
    PricePanel panel = BacktestTest.gaussianPanel(7L, 300, 0.03);
    BacktestSpec spec =
        new BacktestSpec(
            BacktestTest.longOne(),
            BacktestTest.model(Map.of("measure", "historical-var", "lookback", "250")),
            1,
            0.99,
            null,
            null);
    assertThatThrownBy(() -> Backtest.day(panel, spec, panel.dates().get(100)))
        .hasMessageContaining("needs 250 days of history");
    assertThatThrownBy(() -> Backtest.day(panel, spec, panel.dates().get(299)))
        .hasMessageContaining("1-day realised loss");
  }
}

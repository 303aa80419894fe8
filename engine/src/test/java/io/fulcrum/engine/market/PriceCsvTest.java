package io.fulcrum.engine.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV loader on the real files in test-scenarios/data and on small hand-made ones. */
class PriceCsvTest {

  static final Path DATA = Path.of("..", "test-scenarios", "data");

  @Test
  void btc_isReadFromLowerCaseCloseColumn_andSaysSo() {
    PriceCsv.Loaded btc =
        PriceCsv.read(DATA.resolve("btc-usd-daily.csv"), "BTC", PriceCsv.Options.defaults());
    assertThat(btc.history().size()).isEqualTo(4091);
    assertThat(btc.history().dates().get(0)).isEqualTo(LocalDate.of(2014, 9, 18));
    assertThat(btc.notes().get(0))
        .isEqualTo("BTC: close from column 'close', date from column 'Date' of btc-usd-daily.csv");
    int i = btc.history().dates().indexOf(LocalDate.of(2020, 3, 12));
    // Published in data/README.md: 2020-03-11 7,911.43 -> 2020-03-12 4,970.79.
    assertThat(btc.history().close(i - 1)).isCloseTo(7911.43, within(0.01));
    assertThat(btc.history().close(i)).isCloseTo(4970.79, within(0.01));
  }

  @Test
  void eth_reportsItsFourNullRows_andSkipsThemByDefault() {
    PriceCsv.Loaded eth =
        PriceCsv.read(DATA.resolve("eth-usd-daily.csv"), "ETH", PriceCsv.Options.defaults());
    assertThat(eth.notes().get(0)).contains("column 'Close'");
    assertThat(eth.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .contains("4 row(s) without a usable close")
                    .contains("2020-04-17")
                    .contains("2020-10-09")
                    .contains("2020-10-12")
                    .contains("2020-10-13")
                    .contains("skip-day"));
    assertThat(eth.history().size()).isEqualTo(2302 - 4);
    assertThat(eth.history().gaps())
        .containsExactly(
            LocalDate.of(2020, 4, 17),
            LocalDate.of(2020, 10, 9),
            LocalDate.of(2020, 10, 12),
            LocalDate.of(2020, 10, 13));
  }

  @Test
  void eth_carryForward_fillsTheNullDaysWithThePreviousClose() {
    PriceCsv.Loaded eth =
        PriceCsv.read(
            DATA.resolve("eth-usd-daily.csv"),
            "ETH",
            new PriceCsv.Options(null, MissingDataPolicy.CARRY_FORWARD));
    assertThat(eth.history().size()).isEqualTo(2302);
    int i = eth.history().dates().indexOf(LocalDate.of(2020, 4, 17));
    assertThat(eth.history().close(i)).isEqualTo(eth.history().close(i - 1));
    assertThat(eth.notes()).anySatisfy(n -> assertThat(n).contains("carry-forward"));
  }

  @Test
  void eth_refuse_listsEveryProblem() {
    assertThatThrownBy(
            () ->
                PriceCsv.read(
                    DATA.resolve("eth-usd-daily.csv"),
                    "ETH",
                    new PriceCsv.Options(null, MissingDataPolicy.REFUSE)))
        .isInstanceOf(MarketDataRefused.class)
        .hasMessageContaining("line 1717 2020-04-17 'null'")
        .hasMessageContaining("line 1896 2020-10-13 'null'");
  }

  @Test
  void missingCalendarDays_areReported() throws IOException {
    String csv = "date,CLOSE\n2024-01-01,10\n2024-01-02,11\n2024-01-05,12\n";
    PriceCsv.Loaded loaded =
        PriceCsv.read(new StringReader(csv), "t.csv", "X", PriceCsv.Options.defaults());
    assertThat(loaded.notes())
        .anySatisfy(
            n -> assertThat(n).contains("2 calendar day(s) absent: [2024-01-03, 2024-01-04]"));
    assertThat(loaded.history().size()).isEqualTo(3);
    PriceCsv.Loaded filled =
        PriceCsv.read(
            new StringReader(csv),
            "t.csv",
            "X",
            new PriceCsv.Options(null, MissingDataPolicy.CARRY_FORWARD));
    assertThat(filled.history().closes()).containsExactly(10, 11, 11, 11, 12);
  }

  @Test
  void badFiles_giveClearErrors() {
    assertThatThrownBy(
            () ->
                PriceCsv.read(
                    new StringReader("Date,Open\n2024-01-01,1\n"),
                    "a.csv",
                    "X",
                    PriceCsv.Options.defaults()))
        .hasMessageContaining(
            "price file a.csv must have a close column named one of [close, adj close, price]");
    assertThatThrownBy(
            () ->
                PriceCsv.read(
                    new StringReader("Date,Close\n2024-01-02,1\n2024-01-01,2\n"),
                    "b.csv",
                    "X",
                    PriceCsv.Options.defaults()))
        .hasMessage(
            "price file b.csv line 3: dates must increase but 2024-01-01 follows 2024-01-02");
    assertThatThrownBy(
            () ->
                PriceCsv.read(
                    new StringReader("Date,Close\n01/02/2024,1\n"),
                    "c.csv",
                    "X",
                    PriceCsv.Options.defaults()))
        .hasMessage("price file c.csv line 2: date must be yyyy-mm-dd but was '01/02/2024'");
  }

  @Test
  void namedCloseColumn_isFoundInAnyCase() throws IOException {
    PriceCsv.Loaded loaded =
        PriceCsv.read(
            new StringReader("Date,Close,Adj Close\n2024-01-01,10,9\n2024-01-02,11,10\n"),
            "t.csv",
            "X",
            new PriceCsv.Options("ADJ CLOSE", MissingDataPolicy.SKIP_DAY));
    assertThat(loaded.history().closes()).containsExactly(9, 10);
    assertThat(loaded.notes().get(0)).contains("column 'Adj Close'");
  }

  @Test
  void missingDataPolicy_parsesLabels_andRejectsOthers() {
    assertThat(MissingDataPolicy.parse("Carry-Forward")).isEqualTo(MissingDataPolicy.CARRY_FORWARD);
    assertThatThrownBy(() -> MissingDataPolicy.parse("drop"))
        .hasMessage(
            "missing-data policy must be one of [skip-day, carry-forward, refuse] but was 'drop'");
  }

  @Test
  void directorySets_areNamedByStem_versionedByHash_andJoinWithPlus() {
    DirectoryMarketDataSets sets = DirectoryMarketDataSets.at(DATA, MissingDataPolicy.SKIP_DAY);
    assertThat(sets.names()).contains("btc-usd-daily", "eth-usd-daily");
    MarketDataSet btc = sets.get("btc-usd-daily");
    assertThat(btc.histories().keySet()).containsExactly("BTC");
    assertThat(btc.version()).isEqualTo(btc.hash().substring(0, 12));
    assertThat(sets.find("btc-usd-daily@" + btc.version())).contains(btc);
    assertThat(sets.find("btc-usd-daily@000000000000")).isEmpty();
    MarketDataSet both = sets.get("btc-usd-daily+eth-usd-daily");
    assertThat(both.histories().keySet()).isEqualTo(java.util.Set.of("BTC", "ETH"));
    assertThat(both.notes()).anySatisfy(n -> assertThat(n).contains("2020-04-17"));
    assertThatThrownBy(() -> sets.get("sol-usd-daily"))
        .hasMessageContaining("market data set 'sol-usd-daily' not found")
        .hasMessageContaining("btc-usd-daily");
    assertThat(List.of(both.hash())).doesNotContain(btc.hash());
  }
}

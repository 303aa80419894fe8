package io.fulcrum.engine.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.domain.InstrumentPrice;
import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.domain.MarketSnapshot;
import io.fulcrum.engine.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MarketHistoryJsonTest {

  private static final String SNAPSHOT =
      """
      {"asOf": "2026-11-25T12:00:00Z", "valuationCurrency": "USDT",
       "prices": {"BTC-C": {"mark": "1500", "impliedVolatility": "0.55"}},
       "history": {"dataSet": "crypto@1",
                   "series": {"BTC": {"dates": ["2026-11-22", "2026-11-23", "2026-11-24"],
                                      "closes": [98500.1, 0.1, 1e5]}}}}
      """;

  private static MarketSnapshot read(String json) throws Exception {
    return Json.mapper().readValue(json, MarketSnapshot.class);
  }

  @Test
  void historyAndImpliedVolatility_areRead() throws Exception {
    MarketSnapshot m = read(SNAPSHOT);
    assertThat(m.history().dataSet()).isEqualTo("crypto@1");
    PriceHistory btc = m.history().series().get("BTC");
    assertThat(btc.dates())
        .containsExactly(
            LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24));
    assertThat(btc.closes()).containsExactly(98500.1, 0.1, 100000.0);
    assertThat(m.prices().get("BTC-C").impliedVolatility()).isEqualByComparingTo("0.55");
  }

  @Test
  void jsonRoundTrip_keepsEveryCloseExactlyAndTheHash() throws Exception {
    MarketSnapshot m = read(SNAPSHOT);
    String written = Json.canonical(m);
    MarketSnapshot again = read(written);
    assertThat(again).isEqualTo(m);
    assertThat(again.history().inlineHash()).isEqualTo(m.history().inlineHash()).hasSize(64);
    assertThat(written).contains("[98500.1,0.1,100000.0]");
  }

  @Test
  void snapshotWithoutHistory_writesNoHistoryOrVolatilityField() {
    MarketSnapshot m =
        new MarketSnapshot(
            Instant.parse("2026-11-25T12:00:00Z"),
            "USDT",
            List.of(),
            new TreeMap<>(Map.of("X", new InstrumentPrice(BigDecimal.TEN, null))),
            new TreeMap<>());
    assertThat(Json.canonical(m)).doesNotContain("history").doesNotContain("impliedVolatility");
    assertThat(m.history()).isNull();
  }

  @Test
  void inlineHash_equalsTheDataSetHashOfTheSameSeries() throws Exception {
    MarketHistory h = read(SNAPSHOT).history();
    assertThat(h.inlineHash()).isEqualTo(MarketDataSet.of("any", "v", h.series()).hash());
  }

  @Test
  void nanClose_isRefusedByTheJsonReader() {
    String json = SNAPSHOT.replace(", 0.1,", ", \"NaN\",");
    assertThatThrownBy(
            () ->
                io.fulcrum.engine.json.RequestReader.read(
                    "{\"account\": {\"id\": \"a\"}, \"market\": " + json + "}"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("NaN");
  }

  @Test
  void negativeClose_isRefusedNamingTheSeries() {
    String json = SNAPSHOT.replace(", 0.1,", ", -5,");
    assertThatThrownBy(
            () ->
                io.fulcrum.engine.json.RequestReader.read(
                    "{\"account\": {\"id\": \"a\"}, \"market\": " + json + "}"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining(
            "closes[1] (2026-11-23) must be a positive finite number but was -5.0")
        .satisfies(
            e -> assertThat(((InvalidRequest) e).field()).isEqualTo("market.history.series.BTC"));
  }

  @Test
  void closesAndDatesOfDifferentLength_areRefused() {
    String json = SNAPSHOT.replace("1e5]", "1e5, 2]");
    assertThatThrownBy(
            () ->
                io.fulcrum.engine.json.RequestReader.read(
                    "{\"account\": {\"id\": \"a\"}, \"market\": " + json + "}"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("3 dates and 4 closes");
  }

  @Test
  void badDataSetReference_isRefused() {
    assertThatThrownBy(() -> MarketHistory.ofDataSet("two@at@signs"))
        .hasMessageContaining("dataSet must be 'name@version'");
    assertThatThrownBy(() -> MarketHistory.ofDataSet("a name@1"))
        .hasMessageContaining("dataSet must be 'name@version'");
    assertThatThrownBy(() -> new MarketHistory(null, null))
        .hasMessageContaining("dataSet reference or inline series");
  }
}

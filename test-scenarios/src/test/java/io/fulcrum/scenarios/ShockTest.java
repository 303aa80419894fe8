package io.fulcrum.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.domain.EuropeanOption;
import io.fulcrum.engine.domain.InstrumentPrice;
import io.fulcrum.engine.domain.MarketSnapshot;
import io.fulcrum.engine.domain.OptionRight;
import io.fulcrum.engine.domain.PerpetualFuture;
import io.fulcrum.engine.market.MarketHistory;
import io.fulcrum.scenarios.suite.Shock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ShockTest {

  private static final MarketSnapshot BASE =
      new MarketSnapshot(
          Instant.parse("2026-11-25T12:00:00Z"),
          "USDT",
          List.of(
              new PerpetualFuture("BTCUSDT", "BTC", "USDT", null),
              new EuropeanOption(
                  "BTC-C",
                  "BTC",
                  "USDT",
                  null,
                  LocalDate.of(2026, 12, 25),
                  new BigDecimal("50000"),
                  OptionRight.CALL)),
          new TreeMap<>(
              Map.of(
                  "BTCUSDT",
                  new InstrumentPrice(new BigDecimal("50000"), new BigDecimal("49990")),
                  "BTC-C",
                  new InstrumentPrice(
                      new BigDecimal("2000"), new BigDecimal("50000"), new BigDecimal("0.5")))),
          new TreeMap<>(Map.of("BTC", new BigDecimal("50000"), "USDC", BigDecimal.ONE)),
          MarketHistory.ofDataSet("btc-usd-daily@a4b256f8d87f"));

  private static Shock shock(
      Map<String, String> prices,
      Map<String, String> assets,
      Map<String, String> vols,
      String history) {
    return new Shock(
        decimals(prices), decimals(assets), decimals(vols), Optional.ofNullable(history));
  }

  private static TreeMap<String, BigDecimal> decimals(Map<String, String> values) {
    TreeMap<String, BigDecimal> out = new TreeMap<>();
    values.forEach((k, v) -> out.put(k, new BigDecimal(v)));
    return out;
  }

  @Test
  void priceMove_movesInstrumentsOnTheAssetAndTheAssetItself_keepingTheHistory() {
    MarketSnapshot shocked =
        shock(Map.of("BTC", "-0.3717"), Map.of("USDC", "0.9"), Map.of(), null).applyTo(BASE);

    assertThat(shocked.prices().get("BTCUSDT").mark())
        .isEqualByComparingTo("31415"); // 50,000 x 0.6283
    assertThat(shocked.prices().get("BTCUSDT").index())
        .isEqualByComparingTo("31408.717"); // 49,990 x 0.6283
    assertThat(shocked.assetPrices().get("BTC")).isEqualByComparingTo("31415");
    assertThat(shocked.assetPrices().get("USDC")).isEqualByComparingTo("0.9");
    assertThat(shocked.prices().get("BTC-C").impliedVolatility()).isEqualByComparingTo("0.5");
    assertThat(shocked.history()).isEqualTo(BASE.history());
  }

  @Test
  void volatilityMoveAndHistory_applyToOptionsAndReplaceTheHistory() {
    MarketSnapshot shocked =
        shock(Map.of(), Map.of(), Map.of("BTC", "0.5"), "stressed-2022@abc").applyTo(BASE);

    assertThat(shocked.prices().get("BTC-C").impliedVolatility()).isEqualByComparingTo("0.75");
    assertThat(shocked.prices().get("BTCUSDT").mark()).isEqualByComparingTo("50000");
    assertThat(shocked.history()).isEqualTo(MarketHistory.ofDataSet("stressed-2022@abc"));
  }

  @Test
  void moveOfMinusOneOrLess_isRejectedNamingTheAsset() {
    assertThatThrownBy(() -> shock(Map.of("BTC", "-1"), Map.of(), Map.of(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("priceMoves.BTC must be above -1 (a price stays positive) but was -1");
  }
}

package io.fulcrum.engine.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.domain.MarginMode;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.domain.Position;
import io.fulcrum.engine.json.RequestReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Merging hypothetical orders into the example account (isolated long 4.4 BTCUSDT at 60,000, 5,000
 * USDT wallet) and into a cross-margin account with two instruments; every number by hand.
 */
class OrderMergeTest {

  private final MarginRequest base = example();

  @Test
  void increase_averagesTheEntryPriceByQuantity() {
    Position p = single(OrderMerge.apply(base, List.of(order("1", "61000"))));
    assertThat(p.quantity()).isEqualByComparingTo("5.4");
    // (4.4 x 60000 + 1 x 61000) / 5.4
    assertThat(p.entryPrice()).isEqualByComparingTo("60185.185185185185");
    assertThat(p.isolatedMargin()).isEqualByComparingTo("13200");
  }

  @Test
  void reduction_keepsTheEntryPrice_andCreditsRealisedPnlToTheIsolatedMargin() {
    OrderMerge.Result r = OrderMerge.apply(base, List.of(order("-1.4", "61000")));
    Position p = single(r);
    assertThat(p.quantity()).isEqualByComparingTo("3");
    assertThat(p.entryPrice()).isEqualByComparingTo("60000");
    assertThat(p.isolatedMargin()).isEqualByComparingTo("14600"); // 13200 + 1.4 x 1000
    assertThat(r.notes()).anyMatch(n -> n.contains("realises 1400"));
  }

  @Test
  void crossingZero_opensTheRestAtTheFillPrice() {
    Position p = single(OrderMerge.apply(base, List.of(order("-5.4", "59000"))));
    assertThat(p.quantity()).isEqualByComparingTo("-1");
    assertThat(p.entryPrice()).isEqualByComparingTo("59000");
  }

  @Test
  void closing_removesThePosition_andReturnsItsMarginToTheWallet() {
    MarginRequest after = OrderMerge.apply(base, List.of(order("-4.4", null))).request();
    assertThat(after.account().positions()).isEmpty();
    assertThat(after.account().collateral().get(0).amount()).isEqualByComparingTo("18200");
  }

  @Test
  void unknownInstrument_namesTheOrderField() {
    HypotheticalOrder doge =
        new HypotheticalOrder("DOGEUSDT", BigDecimal.ONE, null, null, null, null);
    assertThatThrownBy(() -> OrderMerge.apply(base, List.of(order("1", null), doge)))
        .isInstanceOf(InvalidRequest.class)
        .satisfies(e -> assertThat(((InvalidRequest) e).field()).isEqualTo("orders[1].instrument"));
  }

  private static Position single(OrderMerge.Result r) {
    assertThat(r.request().account().positions()).hasSize(1);
    return r.request().account().positions().get(0);
  }

  private static HypotheticalOrder order(String quantity, String price) {
    return new HypotheticalOrder(
        "BTCUSDT",
        new BigDecimal(quantity),
        price == null ? null : new BigDecimal(price),
        MarginMode.CROSS,
        null,
        null);
  }

  /** Cross long 2 BTCUSDT at 50,000, 10,000 USDT; marks BTCUSDT 52,000, ETHUSDT 3,000. */
  static final String CROSS =
      """
      {"account": {"id": "acc-cross",
        "positions": [{"instrument": "BTCUSDT", "quantity": "2", "entryPrice": "50000"}],
        "collateral": [{"asset": "USDT", "amount": "%s"}]},
       "market": {"asOf": "2026-11-25T12:00:00Z", "valuationCurrency": "USDT",
        "instruments": [
          {"kind": "PERPETUAL", "symbol": "BTCUSDT", "underlying": "BTC", "settlementAsset": "USDT", "contractSize": "1"},
          {"kind": "PERPETUAL", "symbol": "ETHUSDT", "underlying": "ETH", "settlementAsset": "USDT", "contractSize": "1"}],
        "prices": {"BTCUSDT": {"mark": "52000", "index": "52000"},
                   "ETHUSDT": {"mark": "3000", "index": "3000"}},
        "assetPrices": {"USDT": "1"}}}
      """;

  @Test
  void crossFlip_creditsTheRealisedPnlToTheWallet_andANewInstrumentOpensAtItsMark() {
    OrderMerge.Result r =
        OrderMerge.apply(
            RequestReader.read(CROSS.formatted("10000")),
            List.of(
                order("-3", "51000"),
                new HypotheticalOrder("ETHUSDT", new BigDecimal("10"), null, null, null, null)));
    List<Position> positions = r.request().account().positions();
    assertThat(positions).hasSize(2);
    // 2 closed at 51,000 against an entry of 50,000: +2,000 to the USDT wallet; 1 opens short
    assertThat(positions.get(0).quantity()).isEqualByComparingTo("-1");
    assertThat(positions.get(0).entryPrice()).isEqualByComparingTo("51000");
    assertThat(positions.get(0).marginMode()).isEqualTo(MarginMode.CROSS);
    assertThat(r.request().account().collateral().get(0).amount()).isEqualByComparingTo("12000");
    // no price given: the mark price; no margin mode: cross
    assertThat(positions.get(1).instrument()).isEqualTo("ETHUSDT");
    assertThat(positions.get(1).quantity()).isEqualByComparingTo("10");
    assertThat(positions.get(1).entryPrice()).isEqualByComparingTo("3000");
    assertThat(positions.get(1).marginMode()).isEqualTo(MarginMode.CROSS);
    assertThat(r.notes())
        .containsExactly(
            "reducing BTCUSDT by 2 realises 2000 USDT",
            "BTCUSDT flips side: the remaining 1 contracts open at 51000");
  }

  @Test
  void aLossBeyondTheWallet_floorsItAtZero_andSaysSo() {
    // sell 1 of 2 at 40,000 against 50,000: -10,000 on a 1,000 wallet
    OrderMerge.Result r =
        OrderMerge.apply(
            RequestReader.read(CROSS.formatted("1000")), List.of(order("-1", "40000")));
    assertThat(r.request().account().collateral().get(0).amount()).isEqualByComparingTo("0");
    assertThat(single(r).quantity()).isEqualByComparingTo("1");
    assertThat(single(r).entryPrice()).isEqualByComparingTo("50000");
    assertThat(r.notes()).contains("the USDT wallet would be negative (-9000); it is floored at 0");
  }

  @Test
  void zeroQuantity_noOrders_andANonPositivePrice_areRefusedOnTheirField() {
    assertThatThrownBy(() -> OrderMerge.apply(base, List.of(order("0", null))))
        .isInstanceOf(InvalidRequest.class)
        .satisfies(e -> assertThat(((InvalidRequest) e).field()).isEqualTo("orders[0].quantity"));
    assertThatThrownBy(() -> OrderMerge.apply(base, List.of()))
        .isInstanceOf(InvalidRequest.class)
        .satisfies(e -> assertThat(((InvalidRequest) e).field()).isEqualTo("orders"));
    assertThatThrownBy(() -> OrderMerge.apply(base, List.of(order("1", "-5"))))
        .isInstanceOf(InvalidRequest.class)
        .satisfies(e -> assertThat(((InvalidRequest) e).field()).isEqualTo("orders[0].price"));
  }

  private static MarginRequest example() {
    try {
      return RequestReader.read(
          Files.readString(Path.of("..", "examples", "btc-isolated-long.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.fulcrum.admin.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.domain.MarginMode;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.domain.Position;
import io.fulcrum.engine.json.RequestReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merging hypothetical orders into the example account (isolated long 4.4 BTCUSDT at 60,000). */
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

  private static MarginRequest example() {
    try (InputStream in =
        OrderMergeTest.class.getResourceAsStream("/requests/btc-isolated-long.json")) {
      return RequestReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

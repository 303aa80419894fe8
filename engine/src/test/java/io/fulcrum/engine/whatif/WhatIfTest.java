package io.fulcrum.engine.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The what-if under tiered-perps@1 on the example account (isolated long 4.4 BTCUSDT at 60,000,
 * leverage 20, isolated margin 13,200, wallet 5,000 USDT, mark 60,000). Bracket 3 of the policy
 * covers notionals [250,000, 1,000,000): maintenance rate 1%, maintenance amount 1,300.
 */
class WhatIfTest {

  static final CompiledPolicy POLICY =
      MarginEngine.over(PolicyLibrary.at(Path.of("..", "rules")))
          .policy(PolicyRef.parse("tiered-perps@1"));

  @Test
  void addingToTheLong_raisesBothMargins_byHand() throws Exception {
    WhatIfResult r =
        WhatIf.evaluate(
            POLICY,
            "as asked",
            RequestReader.read(
                Files.readString(Path.of("..", "examples", "btc-isolated-long.json"))),
            List.of(
                new HypotheticalOrder(
                    "BTCUSDT", new BigDecimal("0.6"), new BigDecimal("61000"), null, null, null)),
            MarketDataSets.none(),
            false);
    // before: notional 4.4 x 60,000 = 264,000; IM 264,000 / 20 = 13,200; MM 2,640 - 1,300 = 1,340
    assertThat(r.before().initialMargin()).isEqualByComparingTo("13200");
    assertThat(r.before().maintenanceMargin()).isEqualByComparingTo("1340");
    assertThat(r.before().marginBalance()).isEqualByComparingTo("18200");
    // after: 5 BTC at entry (264,000 + 36,600) / 5 = 60,120; notional 300,000; IM 15,000;
    // MM 3,000 - 1,300 = 1,700; unrealised 5 x (60,000 - 60,120) = -600
    assertThat(r.after().initialMargin()).isEqualByComparingTo("15000");
    assertThat(r.after().maintenanceMargin()).isEqualByComparingTo("1700");
    assertThat(r.after().marginBalance()).isEqualByComparingTo("17600");
    assertThat(r.after().walletBalance()).isEqualByComparingTo("5000");
    assertThat(r.after().status()).isEqualTo(DecisionStatus.OK);
    assertThat(r.positions()).hasSize(1);
    WhatIfResult.PositionChange p = r.positions().get(0);
    assertThat(p.quantityBefore()).isEqualByComparingTo("4.4");
    assertThat(p.quantityAfter()).isEqualByComparingTo("5");
    assertThat(p.liquidationPriceBefore()).isEqualByComparingTo("57277.31864096");
    // isolated, one-way: (WB + cum - size x entry) / (size x MMR - size)
    //   = (13,200 + 1,300 - 5 x 60,120) / (5 x 0.01 - 5) = -286,100 / -4.95 = 57,797.979797...
    assertThat(p.liquidationPriceAfter()).isEqualByComparingTo("57797.97979798");
    assertThat(r.decision().positions().get(0).notional()).isEqualByComparingTo("300000");
    assertThat(r.decision().explanation().captured()).isFalse();
    assertThat(r.policy().ref()).isEqualTo("tiered-perps@1");
    assertThat(r.assumptions()).contains("policy tiered-perps@1 (as asked)");
  }

  @Test
  void ordersAreReadWithFieldPaths() {
    assertThatThrownBy(
            () ->
                HypotheticalOrder.readAll(
                    RequestReader.tree(
                        "[{\"instrument\":\"BTCUSDT\",\"quantity\":\"1\"},"
                            + "{\"instrument\":\"BTCUSDT\",\"quantity\":\"1\",\"size\":\"2\"}]")))
        .isInstanceOf(InvalidRequest.class)
        .satisfies(e -> assertThat(((InvalidRequest) e).field()).isEqualTo("orders[1].size"));
    assertThatThrownBy(
            () ->
                HypotheticalOrder.readAll(
                    RequestReader.tree("[{\"instrument\":\"BTCUSDT\",\"quantity\":\"abc\"}]")))
        .isInstanceOf(InvalidRequest.class)
        .satisfies(e -> assertThat(((InvalidRequest) e).field()).isEqualTo("orders[0].quantity"));
    assertThatThrownBy(() -> HypotheticalOrder.readAll(RequestReader.tree("{\"orders\": []}")))
        .isInstanceOf(InvalidRequest.class)
        .satisfies(e -> assertThat(((InvalidRequest) e).field()).isEqualTo("orders"));
    assertThat(
            HypotheticalOrder.readAll(
                RequestReader.tree("[{\"instrument\":\"BTCUSDT\",\"quantity\":\"-1.5\"}]")))
        .containsExactly(
            new HypotheticalOrder("BTCUSDT", new BigDecimal("-1.5"), null, null, null, null));
  }
}

package io.fulcrum.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.decision.PositionFigures;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * linear-flat@1: one initial margin rate (2%) and one maintenance margin rate (0.5%), maintenance
 * held at the entry value (manifest: liquidation.convention maintenance-at-entry). Numbers are
 * Bybit's published USDT-contract examples where Bybit gives them (1 BTC long at 10,000 USDT, 50x:
 * initial margin 200 USDT, "Initial Margin (USDT Contract)"; bankruptcy price 9,800 USDT,
 * "Bankruptcy Price (USDT Contract)"; see engine LinearLiquidationTest for the addresses) and hand
 * derivations written next to each assertion otherwise.
 */
class LinearFlatTest {

  private static PositionFigures only(MarginDecision d) {
    assertThat(d.positions()).hasSize(1);
    return d.positions().get(0);
  }

  @Test
  void bybitIsolatedLong_initialMarginBankruptcyAndLiquidationPrice() {
    MarginDecision d =
        ShippedPolicies.decide(
            "linear-flat@1",
            new ShippedPolicies.Perps()
                .wallet("1000")
                .mark("9900")
                .isolated("1", "10000", "50", "200")
                .request());
    PositionFigures p = only(d);
    assertThat(p.initialMargin()).isEqualByComparingTo("200"); // Bybit: (1 x 10,000) / 50
    assertThat(p.maintenanceMargin()).isEqualByComparingTo("50"); // 10,000 x 0.5%
    assertThat(p.bankruptcyPrice()).isEqualByComparingTo("9800"); // Bybit: 10,000 x (1 - 2%)
    assertThat(p.liquidationPrice()).isEqualByComparingTo("9850"); // 10,000 - (200 - 50) / 1
    assertThat(d.status()).isEqualTo(DecisionStatus.OK); // own balance 100, ratio 50%
  }

  @Test
  void theLiquidationPrice_isWhereTheStatusTurnsToLiquidate_andDoesNotMoveWithTheMark() {
    // At mark 9,850 the isolated balance is 200 - 150 = 50 = MM: ratio 100%.
    MarginDecision at =
        ShippedPolicies.decide(
            "linear-flat@1",
            new ShippedPolicies.Perps().mark("9850").isolated("1", "10000", "50", "200").request());
    assertThat(at.status()).isEqualTo(DecisionStatus.LIQUIDATE);
    assertThat(only(at).liquidationPrice()).isEqualByComparingTo("9850");
    // One cent above: 50 / 50.01 < 100% but above the 80% call ratio.
    MarginDecision above =
        ShippedPolicies.decide(
            "linear-flat@1",
            new ShippedPolicies.Perps()
                .mark("9850.01")
                .isolated("1", "10000", "50", "200")
                .request());
    assertThat(above.status()).isEqualTo(DecisionStatus.MARGIN_CALL);
    assertThat(only(above).liquidationPrice()).isEqualByComparingTo("9850");
  }

  @Test
  void isolatedShort_mirrorsTheLong() {
    // Short 1 at 10,000, margin 200: LP = 10,000 + (200 - 50) = 10,150; BP = 10,000 + 200.
    PositionFigures p =
        only(
            ShippedPolicies.decide(
                "linear-flat@1",
                new ShippedPolicies.Perps()
                    .mark("10000")
                    .isolated("-1", "10000", "50", "200")
                    .request()));
    assertThat(p.liquidationPrice()).isEqualByComparingTo("10150");
    assertThat(p.bankruptcyPrice()).isEqualByComparingTo("10200");
  }

  @Test
  void leverageAboveOneOverTheInitialRate_isCapped() {
    // 100x asked, 1 / 2% = 50x allowed: IM = 10,000 x 2% = 200; no leverage: the same.
    assertThat(
            only(ShippedPolicies.decide(
                    "linear-flat@1",
                    new ShippedPolicies.Perps()
                        .wallet("1000")
                        .cross("1", "10000", "100")
                        .request()))
                .initialMargin())
        .isEqualByComparingTo("200");
    assertThat(
            only(ShippedPolicies.decide(
                    "linear-flat@1",
                    new ShippedPolicies.Perps().wallet("1000").cross("1", "10000", null).request()))
                .initialMargin())
        .isEqualByComparingTo("200");
    // 10x: 10,000 / 10 = 1,000.
    assertThat(
            only(ShippedPolicies.decide(
                    "linear-flat@1",
                    new ShippedPolicies.Perps().wallet("2000").cross("1", "10000", "10").request()))
                .initialMargin())
        .isEqualByComparingTo("1000");
  }

  @Test
  void singlePositionCross_solvesWithTheWalletBalance() {
    // Wallet 1,000, cross long 1 at 10,000: LP = 10,000 - (1,000 - 50) / 1 = 9,050,
    // BP = 10,000 - 1,000 = 9,000. At mark 9,050 the balance is 1,000 - 950 = 50 = MM.
    MarginDecision d =
        ShippedPolicies.decide(
            "linear-flat@1",
            new ShippedPolicies.Perps()
                .wallet("1000")
                .mark("9050")
                .cross("1", "10000", "10")
                .request());
    assertThat(only(d).liquidationPrice()).isEqualByComparingTo("9050");
    assertThat(only(d).bankruptcyPrice()).isEqualByComparingTo("9000");
    assertThat(d.status()).isEqualTo(DecisionStatus.LIQUIDATE);
  }

  @Test
  void multiPositionCross_holdsTheOtherPositionsAtTheirMarks() {
    // Wallet 3,000; A BTCUSDT long 1 @ 10,000, mark 11,000 (MM 50, UPNL +1,000); B ETHUSDT short
    // 2 @ 3,000, mark 2,750 (MM 2 x 3,000 x 0.5% = 30, UPNL -2 x (2,750 - 3,000) = +500).
    // LP A = 10,000 - (3,000 - 30 + 500 - 50) / 1 = 6,580 (check: 3,000 + (6,580 - 10,000) + 500
    // = 80 = 50 + 30); BP A = 10,000 - (3,000 + 500) = 6,500.
    // LP B = 3,000 + (3,000 - 50 + 1,000 - 30) / 2 = 4,960; BP B = 3,000 + 4,000 / 2 = 5,000.
    String json =
        """
        {"account": {"id": "a", "positions": [
           {"instrument": "BTCUSDT", "quantity": "1", "entryPrice": "10000"},
           {"instrument": "ETHUSDT", "quantity": "-2", "entryPrice": "3000"}],
         "collateral": [{"asset": "USDT", "amount": "3000"}]},
         "market": {"asOf": "2026-11-25T12:00:00Z", "valuationCurrency": "USDT",
           "instruments": [
             {"kind": "PERPETUAL", "symbol": "BTCUSDT", "underlying": "BTC", "settlementAsset": "USDT"},
             {"kind": "PERPETUAL", "symbol": "ETHUSDT", "underlying": "ETH", "settlementAsset": "USDT"}],
           "prices": {"BTCUSDT": {"mark": "11000"}, "ETHUSDT": {"mark": "2750"}},
           "assetPrices": {"USDT": "1"}}}
        """;
    MarginDecision d =
        ShippedPolicies.decide("linear-flat@1", io.fulcrum.engine.json.RequestReader.read(json));
    assertThat(d.positions().get(0).liquidationPrice()).isEqualByComparingTo("6580");
    assertThat(d.positions().get(0).bankruptcyPrice()).isEqualByComparingTo("6500");
    assertThat(d.positions().get(1).liquidationPrice()).isEqualByComparingTo("4960");
    assertThat(d.positions().get(1).bankruptcyPrice()).isEqualByComparingTo("5000");
  }

  @Test
  void theManifestsConvention_decides(@TempDir Path tmp) throws Exception {
    // The same bundle without the liquidation key solves the Binance way: MM at 0.5% of the
    // notional at LP, LP = (200 - 10,000) / (0.005 - 1) = 9,849.24623116; the bankruptcy price
    // (no maintenance) is the same 9,800.
    Path copy = tmp.resolve("linear-flat").resolve("1");
    Files.createDirectories(copy);
    Path shipped = Path.of("linear-flat", "1");
    try (var files = Files.list(shipped)) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    Path manifest = copy.resolve("manifest.yaml");
    String text = Files.readString(manifest, StandardCharsets.UTF_8);
    String without = text.replace("liquidation:\n  convention: maintenance-at-entry\n", "");
    assertThat(without).isNotEqualTo(text);
    Files.writeString(manifest, without, StandardCharsets.UTF_8);
    MarginDecision d =
        MarginEngine.over(PolicyLibrary.at(tmp))
            .decide(
                PolicyRef.parse("linear-flat@1"),
                new ShippedPolicies.Perps()
                    .wallet("1000")
                    .mark("9900")
                    .isolated("1", "10000", "50", "200")
                    .request(),
                true);
    assertThat(only(d).liquidationPrice()).isEqualByComparingTo("9849.24623116");
    assertThat(only(d).bankruptcyPrice()).isEqualByComparingTo("9800");
  }
}

package io.fulcrum.rules;

import static io.fulcrum.rules.ShippedPolicies.decide;
import static io.fulcrum.rules.ShippedPolicies.lending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fulcrum.engine.decision.LiquidationMove;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.explain.ExplanationText;
import io.fulcrum.engine.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The liquidation move of tiered-perps@4 and the health-factor equivalent of collateral-health@2,
 * each against a hand derivation written here.
 *
 * <p>Margin ratio (tiered-perps, Binance USDⓈ-M one-way mode): one long position of notional N at
 * mark P moved by m has notional N(1+m), unrealised P&L change N m, maintenance margin N(1+m) x MMR
 * - cum (bracket of the moved notional). The account (cross) is liquidated when MM(m) >= level x
 * (margin balance + N m); inside one bracket this is linear in m, so m = (level x MB - N x MMR +
 * cum) / (N x MMR - level x N). An isolated position uses its own margin (isolated margin + N m)
 * instead of the account's balance.
 *
 * <p>Health factor (Aave v3 docs, "Health Factor"; domain.md's worked example): HF = sum(collateral
 * x price x LT) / debt; with one asset's price x f and the rest fixed, HF = level at f = (level x
 * debt - others) / (value x LT).
 */
class LiquidationMovesTest {

  private static final double TOLERANCE = 2e-8; // bisection width 1e-12 plus rounding to 8 places

  @Test
  void crossLong_liquidationMove_isTheOneWayLiquidationPriceAsAMove() {
    // examples/btc-cross-margin-call.json: long 2 BTCUSDT from 61,000, mark 58,000, wallet 6,600.
    // N = 116,000 (bracket 2 of v4: MMR 0.5%, cum 50), MB = 6,600 - 6,000 = 600, level 1:
    // m = (600 - 580 + 50) / (580 - 116,000) = 70 / -115,420 = -0.000606480679...
    // price 58,000 x (1 + m) = 57,964.824120603... (the liquidation price the rule solved).
    MarginDecision d =
        decide(
            "tiered-perps@4",
            new ShippedPolicies.Perps()
                .wallet("6600")
                .mark("58000")
                .cross("2", "61000", "20")
                .request());
    LiquidationMove move = d.liquidationMoves().get(0);
    assertThat(move.underlying()).isEqualTo("BTC");
    assertThat(move.instruments()).containsExactly("BTCUSDT");
    assertThat(move.liquidationMove().doubleValue()).isCloseTo(-70.0 / 115_420, within(TOLERANCE));
    assertThat(move.priceAtLiquidation().doubleValue()).isCloseTo(57_964.8241206, within(1e-4));
    assertThat(move.priceAtLiquidation().doubleValue())
        .isCloseTo(d.positions().get(0).liquidationPrice().doubleValue(), within(1e-4));
    // The margin ratio 530 / 600 = 88.3% is already past the call level 80%.
    assertThat(move.marginCallMove()).isZero();
    assertThat(move.assumptions()).contains("no funding, no fees");
    assertThat(move.maintenance()).startsWith("maintenance margin re-evaluated");
  }

  @Test
  void isolatedLong_isLiquidatedWhenItsOwnMarginRunsOut_beforeTheAccount() {
    // examples/btc-isolated-long.json under v4: long 4.4 at 60,000, isolated margin 13,200, cross
    // wallet 5,000. N = 264,000 in bracket 3 (v2 brackets: MMR 1.25%, cum 250,000 x (1.25% -
    // 0.5%) + 50 = 1,925), MM = 3,300 - 1,925 = 1,375. Isolated margin balance 13,200 + N m:
    // liquidation: 1,375 + 3,300 m = 13,200 + 264,000 m -> m = -11,825 / 260,700;
    // margin call (80%): 1,375 + 3,300 m = 0.8 (13,200 + 264,000 m) -> m = -9,185 / 207,900.
    // Both moved notionals (252,025 and 252,336) stay in bracket 3. The account as a whole
    // (18,200 + N m against 1,375 + 3,300 m) is far from either level at these moves.
    MarginDecision d =
        decide(
            "tiered-perps@4",
            new ShippedPolicies.Perps()
                .wallet("5000")
                .mark("60000")
                .isolated("4.4", "60000", "20", "13200")
                .request());
    LiquidationMove move = d.liquidationMoves().get(0);
    assertThat(move.liquidationMove().doubleValue())
        .isCloseTo(-11_825.0 / 260_700, within(TOLERANCE));
    assertThat(move.marginCallMove().doubleValue())
        .isCloseTo(-9_185.0 / 207_900, within(TOLERANCE));
    // 60,000 x (1 - 11,825 / 260,700) = 57,278.4810...; the rule's LP with the same bracket.
    assertThat(move.priceAtLiquidation().doubleValue())
        .isCloseTo(d.positions().get(0).liquidationPrice().doubleValue(), within(1e-4));
  }

  @Test
  void maintenance_isReEvaluatedInTheBracketOfTheMovedNotional() {
    // Cross long 4.4 at 60,000 (N = 264,000, bracket 3) with wallet 27,538. Below a notional of
    // 250,000 (m < -0.0530) bracket 2 applies: MM = 264,000 (1 + m) x 0.5% - 50 = 1,270 + 1,320 m,
    // and 1,270 + 1,320 m = 27,538 + 264,000 m gives m = -26,268 / 262,680 = -0.1 exactly (price
    // 54,000). In bracket 3 (m >= -0.0530) MM = 1,375 + 3,300 m stays far below 27,538 + 264,000
    // m. Holding today's maintenance (1,375) instead would give m = -26,163 / 264,000 = -0.0991.
    MarginDecision d =
        decide(
            "tiered-perps@4",
            new ShippedPolicies.Perps()
                .wallet("27538")
                .mark("60000")
                .cross("4.4", "60000", "20")
                .request());
    LiquidationMove move = d.liquidationMoves().get(0);
    assertThat(move.liquidationMove().doubleValue()).isCloseTo(-0.1, within(TOLERANCE));
    assertThat(move.priceAtLiquidation().doubleValue()).isCloseTo(54_000, within(1e-4));
    assertThat(d.positions().get(0).liquidationPrice().doubleValue())
        .isCloseTo(54_000, within(1e-4));
  }

  @Test
  void shortPosition_isLiquidatedByARise() {
    // Cross short 2 at 60,000, mark 60,000, wallet 6,000: N = 120,000 (bracket 2, MMR 0.5%,
    // cum 50), P&L change -N m. Liquidation: 120,000 (1 + m) 0.5% - 50 = 6,000 - 120,000 m
    // -> 550 + 600 m = 6,000 - 120,000 m -> m = 5,450 / 120,600 = +0.0451907...; the moved
    // notional 125,423 stays in bracket 2. Call (80%): 550 + 600 m = 4,800 - 96,000 m -> m =
    // 4,250 / 96,600.
    MarginDecision d =
        decide(
            "tiered-perps@4",
            new ShippedPolicies.Perps()
                .wallet("6000")
                .mark("60000")
                .cross("-2", "60000", "20")
                .request());
    LiquidationMove move = d.liquidationMoves().get(0);
    assertThat(move.liquidationMove().doubleValue())
        .isCloseTo(5_450.0 / 120_600, within(TOLERANCE));
    assertThat(move.marginCallMove().doubleValue()).isCloseTo(4_250.0 / 96_600, within(TOLERANCE));
  }

  @Test
  void healthFactor_ethPriceAtWhichHealthFactorReachesOne_isThreeQuartersOfToday() {
    // domain.md / Aave v3 docs: 10,000 USD of ETH (5 ETH at 2,000) with LT 80% against 6,000 USD
    // of debt: HF = 8,000 / 6,000 = 1.333. HF = 1 at f = 6,000 / 8,000 = 0.75 (price 1,500, move
    // -25%); HF = 1.1 at f = 6,600 / 8,000 = 0.825 (price 1,650, move -17.5%).
    MarginDecision d =
        decide(
            "collateral-health@2",
            lending(
                Map.of("ETH", "5"), Map.of("USDC", "6000"), Map.of("ETH", "2000", "USDC", "1")));
    assertThat(d.metrics().get("healthFactor").doubleValue()).isCloseTo(4.0 / 3, within(1e-8));
    LiquidationMove eth =
        d.liquidationMoves().stream()
            .filter(m -> m.underlying().equals("ETH"))
            .findFirst()
            .orElseThrow();
    assertThat(eth.measure()).isEqualTo("healthFactor");
    assertThat(eth.liquidationMove()).isEqualByComparingTo("-0.25");
    assertThat(eth.priceAtLiquidation()).isEqualByComparingTo("1500");
    assertThat(eth.marginCallMove()).isEqualByComparingTo("-0.175");
    assertThat(eth.priceAtMarginCall()).isEqualByComparingTo("1650");
    String text =
        ExplanationText.render(
            d,
            ShippedPolicies.ENGINE
                .policy(io.fulcrum.engine.policy.PolicyRef.parse("collateral-health@2"))
                .manifest());
    assertThat(text)
        .contains("Status OK: health factor 1.3333 is at or above the margin-call level 1.1")
        .contains("Liquidation price: none applies under this policy")
        .contains("liquidation (health factor level 1) at a move of -25% (price 1,500)");
  }

  @Test
  void healthFactor_otherCollateralHeldFixed() {
    // 5 ETH at 2,000 (LT 80%: counts 8,000) and 1 BTC at 40,000 (LT 75%: counts 30,000) against
    // 30,000 of debt: HF = 38,000 / 30,000. ETH alone: f = (30,000 - 30,000) / 8,000 = 0, so no
    // ETH price brings HF to 1 (null); BTC alone: f = (30,000 - 8,000) / 30,000 = 0.7333...
    // (move -26.666...%, price 29,333.33...).
    MarginDecision d =
        decide(
            "collateral-health@2",
            lending(
                Map.of("ETH", "5", "BTC", "1"),
                Map.of("USDC", "30000"),
                Map.of("ETH", "2000", "BTC", "40000", "USDC", "1")));
    Map<String, LiquidationMove> byAsset = new java.util.TreeMap<>();
    d.liquidationMoves().forEach(m -> byAsset.put(m.underlying(), m));
    assertThat(byAsset.get("ETH").liquidationMove()).isNull();
    assertThat(byAsset.get("BTC").liquidationMove().doubleValue())
        .isCloseTo(22_000.0 / 30_000 - 1, within(1e-8));
    assertThat(byAsset.get("BTC").priceAtLiquidation().doubleValue())
        .isCloseTo(40_000 * 22_000.0 / 30_000, within(1e-4));
  }

  @Test
  void policiesWithoutADecidingMeasure_writeNoMoves_soTheirJsonKeepsItsBytes() {
    MarginDecision d =
        decide(
            "tiered-perps@3",
            new ShippedPolicies.Perps()
                .wallet("6600")
                .mark("58000")
                .cross("2", "61000", "20")
                .request());
    assertThat(d.liquidationMoves()).isEmpty();
    assertThat(Json.pretty(d)).doesNotContain("liquidationMoves");
  }
}

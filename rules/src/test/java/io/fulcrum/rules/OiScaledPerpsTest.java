package io.fulcrum.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.decision.PositionFigures;
import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.runtime.PolicyEvaluationFailed;
import org.junit.jupiter.api.Test;

/**
 * oi-scaled-perps@1 end to end. The first case is dYdX's own "base IMF = 20%, scaling_factor = 0.5"
 * of liquidity_tier_test.go (TestGetInitialMarginQuoteQuantums: 500,000 of notional at 20% base IMF
 * and an open notional halfway between the caps -> IMF 60%, initial margin 300,000), here on the
 * Long-Tail tier (20% base IMF, caps 5M-10M USDC per dYdX's v5.0.0 upgrade) with the open notional
 * at 7.5M; the others are derived by hand beside each assertion.
 */
class OiScaledPerpsTest {

  private static String request(String symbol, String qty, String mark, String openInterest) {
    String oi = openInterest == null ? "" : ", \"openInterest\": \"" + openInterest + "\"";
    String underlying = symbol.substring(0, symbol.indexOf('-'));
    return """
        {"account": {"id": "a", "positions": [
           {"instrument": "%s", "quantity": "%s", "entryPrice": "%s"}],
         "collateral": [{"asset": "USDC", "amount": "1000000"}]},
         "market": {"asOf": "2026-11-25T12:00:00Z", "valuationCurrency": "USDC",
           "instruments": [{"kind": "PERPETUAL", "symbol": "%s", "underlying": "%s",
             "settlementAsset": "USDC", "contractSize": "1"}],
           "prices": {"%s": {"mark": "%s"%s}},
           "assetPrices": {"USDC": "1"}}}
        """
        .formatted(symbol, qty, mark, symbol, underlying, symbol, mark, oi);
  }

  private static PositionFigures decide(String json) {
    MarginDecision d = ShippedPolicies.decide("oi-scaled-perps@1", RequestReader.read(json));
    return d.positions().get(0);
  }

  @Test
  void dydxScalingHalfCase_givesSixtyPercent() {
    // PEPE-USD at 0.00001: 50,000,000,000 units = 500,000 USDC of notional; open interest
    // 750,000,000,000 units = 7,500,000 USDC of open notional, halfway between 5M and 10M:
    // IMF = 20% + 0.5 x 80% = 60% -> IM 300,000 (dYdX's figure); MM = 500,000 x 20% x 50% = 50,000.
    PositionFigures p = decide(request("PEPE-USD", "50000000000", "0.00001", "750000000000"));
    assertThat(p.notional()).isEqualByComparingTo("500000");
    assertThat(p.initialMargin()).isEqualByComparingTo("300000");
    assertThat(p.maintenanceMargin()).isEqualByComparingTo("50000");
  }

  @Test
  void atOrBelowTheLowerCap_theBaseImf_atOrAboveTheUpperCap_theWholeNotional() {
    // LINK-USD (Mid-Cap: 10% base, caps 20M-50M) at 20: 1,000 units = 20,000 notional.
    // Open interest 1,000,000 -> 20M open notional = lower cap: IM = 2,000.
    assertThat(decide(request("LINK-USD", "1000", "20", "1000000")).initialMargin())
        .isEqualByComparingTo("2000");
    // 2,500,000 -> 50M = upper cap: IMF 1, IM = notional 20,000.
    assertThat(decide(request("LINK-USD", "1000", "20", "2500000")).initialMargin())
        .isEqualByComparingTo("20000");
    // 1,750,000 -> 35M: scaling 0.5, IMF = 10% + 0.5 x 90% = 55%, IM 11,000; MM 20,000 x 5% =
    // 1,000.
    PositionFigures mid = decide(request("LINK-USD", "1000", "20", "1750000"));
    assertThat(mid.initialMargin()).isEqualByComparingTo("11000");
    assertThat(mid.maintenanceMargin()).isEqualByComparingTo("1000");
  }

  @Test
  void largeCap_isNotScaled() {
    // BTC-USD (Large-Cap: 5% base, 60% maintenance fraction, no caps): 2 at 60,000 = 120,000,
    // IM 6,000 whatever the open interest; MM 120,000 x 3% = 3,600. Cross with a 1,000,000 wallet:
    // LP = (1,000,000 + 0 - 120,000) / (2 x 0.03 - 2) < 0: none; BP 60,000 - 500,000 = -440,000:
    // none.
    PositionFigures p = decide(request("BTC-USD", "2", "60000", "900000"));
    assertThat(p.initialMargin()).isEqualByComparingTo("6000");
    assertThat(p.maintenanceMargin()).isEqualByComparingTo("3600");
    assertThat(p.liquidationPrice()).isNull();
    assertThat(p.bankruptcyPrice()).isNull();
  }

  @Test
  void aRequestWithoutOpenInterest_failsNamingTheField() {
    assertThatThrownBy(() -> decide(request("LINK-USD", "1000", "20", null)))
        .isInstanceOf(PolicyEvaluationFailed.class)
        .hasMessageContaining(
            "position LINK-USD: the policy needs the open interest of LINK-USD; give"
                + " market.prices.LINK-USD.openInterest");
  }

  @Test
  void aNegativeOpenInterest_isRefusedWithItsPath() {
    assertThatThrownBy(() -> RequestReader.read(request("LINK-USD", "1000", "20", "-1")))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("openInterest")
        .hasMessageContaining("must not be negative but was -1");
  }
}

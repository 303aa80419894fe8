package io.fulcrum.rules;

import static io.fulcrum.rules.ShippedPolicies.decide;
import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.decision.Flag;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.explain.ExplanationText;
import io.fulcrum.engine.explain.RuleFired;
import io.fulcrum.engine.json.Json;
import io.fulcrum.rules.ShippedPolicies.Perps;
import org.junit.jupiter.api.Test;

/**
 * tiered-perps@3: the v2 policy plus the risk desk's flags: highEffectiveLeverage (gross notional /
 * margin balance > flagEffectiveLeverage = 20) and concentration (one position's notional >
 * flagConcentrationNotional = 1,000,000). Expected numbers by hand from the v2 brackets: 3 [250k,
 * 1M) 1.25% cum 250,000 x (1.25% - 0.5%) + 50 = 1,925; 4 [1M, 10M) 2.5% cum 1,000,000 x (2.5% -
 * 1.25%) + 1,925 = 14,425, max leverage 20.
 */
class TieredPerpsFlagsTest {

  static final String LEVERAGE_RULE = "Flag: effective leverage above the desk limit";
  static final String CONCENTRATION_RULE =
      "Flag: one position above the desk's concentration limit";

  @Test
  void highEffectiveLeverage_isFlagged_statusAndFiguresAsInV2() {
    // Cross long 4.4 BTC at 60,000 (mark = entry), leverage 20, wallet 10,000.
    // notional 4.4 x 60,000 = 264,000 (bracket 3); MM = 264,000 x 1.25% - 1,925 = 1,375;
    // IM = 264,000 / 20 = 13,200; balance 10,000; ratio 1,375 / 10,000 = 0.1375 -> OK.
    // effective leverage = 264,000 / 10,000 = 26.4 > 20; notional 264,000 <= 1,000,000.
    Perps account = new Perps().wallet("10000").cross("4.4", "60000", "20");
    MarginDecision d = decide("tiered-perps@3", account.request());
    assertThat(d.status()).isEqualTo(DecisionStatus.OK);
    assertThat(d.maintenanceMargin()).isEqualByComparingTo("1375");
    assertThat(d.initialMargin()).isEqualByComparingTo("13200");
    assertThat(d.marginRatio()).isEqualByComparingTo("0.1375");
    assertThat(d.metrics().get("effectiveLeverage")).isEqualByComparingTo("26.4");
    assertThat(d.flags())
        .containsExactly(
            new Flag("highEffectiveLeverage", LEVERAGE_RULE, "effective leverage 26.4 > 20"));
    assertThat(Json.canonical(d))
        .contains(
            "\"flags\":[{\"name\":\"highEffectiveLeverage\",\"raisedBy\":\""
                + LEVERAGE_RULE
                + "\",\"detail\":\"effective leverage 26.4 > 20\"}],\"positions\":");
    assertThat(ExplanationText.render(d))
        .contains(
            "Flag highEffectiveLeverage raised by rule '"
                + LEVERAGE_RULE
                + "': effective leverage 26.4 > 20\n")
        .contains(
            "rule '"
                + LEVERAGE_RULE
                + "' [status] on account set flag highEffectiveLeverage (effective leverage 26.4"
                + " > 20)");

    // The flags are the only difference from v2.
    MarginDecision v2 = decide("tiered-perps@2", account.request());
    assertThat(v2.flags()).isEmpty();
    assertThat(d.status()).isEqualTo(v2.status());
    assertThat(d.metrics()).isEqualTo(v2.metrics());
    assertThat(d.positions()).isEqualTo(v2.positions());
  }

  @Test
  void aPositionAboveTheConcentrationLimit_isFlagged() {
    // Cross long 20 BTC at 60,000 (mark = entry), leverage 20, wallet 100,000.
    // notional 1,200,000 (bracket 4): MM = 1,200,000 x 2.5% - 14,425 = 15,575;
    // IM = 1,200,000 / 20 = 60,000; ratio 15,575 / 100,000 = 0.15575 -> OK;
    // effective leverage 1,200,000 / 100,000 = 12 <= 20; notional 1,200,000 > 1,000,000.
    MarginDecision d =
        decide("tiered-perps@3", new Perps().wallet("100000").cross("20", "60000", "20").request());
    assertThat(d.status()).isEqualTo(DecisionStatus.OK);
    assertThat(d.maintenanceMargin()).isEqualByComparingTo("15575");
    assertThat(d.initialMargin()).isEqualByComparingTo("60000");
    assertThat(d.metrics().get("effectiveLeverage")).isEqualByComparingTo("12");
    assertThat(d.flags())
        .containsExactly(
            new Flag("concentration", CONCENTRATION_RULE, "BTCUSDT notional 1200000 > 1000000"));
  }

  @Test
  void aMarginCallWithHighLeverage_carriesTheStatusAndTheFlag() {
    // Cross long 10 BTC entered at 50,000, mark 45,000, leverage 20, wallet 54,000.
    // notional 450,000 (bracket 3): MM = 450,000 x 1.25% - 1,925 = 3,700; IM = 450,000 / 20 =
    // 22,500; UPNL = 10 x (45,000 - 50,000) = -50,000; balance = 54,000 - 50,000 = 4,000;
    // ratio = 3,700 / 4,000 = 0.925 >= 0.8 -> MARGIN_CALL; effective leverage 450,000 / 4,000 =
    // 112.5 > 20.
    MarginDecision d =
        decide(
            "tiered-perps@3",
            new Perps().mark("45000").wallet("54000").cross("10", "50000", "20").request());
    assertThat(d.status()).isEqualTo(DecisionStatus.MARGIN_CALL);
    assertThat(d.maintenanceMargin()).isEqualByComparingTo("3700");
    assertThat(d.initialMargin()).isEqualByComparingTo("22500");
    assertThat(d.marginRatio()).isEqualByComparingTo("0.925");
    assertThat(d.flags())
        .containsExactly(
            new Flag("highEffectiveLeverage", LEVERAGE_RULE, "effective leverage 112.5 > 20"));
  }

  @Test
  void exactlyAtBothLimits_nothingIsFlagged_andTheJsonHasNoFlags() {
    // Cross long 20 BTC at 50,000 (mark = entry), leverage 20, wallet 50,000.
    // notional 1,000,000 (bracket 4): MM = 1,000,000 x 2.5% - 14,425 = 10,575; balance 50,000;
    // effective leverage 1,000,000 / 50,000 = 20: neither limit is exceeded.
    MarginDecision d =
        decide(
            "tiered-perps@3",
            new Perps().mark("50000").wallet("50000").cross("20", "50000", "20").request());
    assertThat(d.maintenanceMargin()).isEqualByComparingTo("10575");
    assertThat(d.metrics().get("effectiveLeverage")).isEqualByComparingTo("20");
    assertThat(d.flags()).isEmpty();
    assertThat(Json.canonical(d)).doesNotContain("\"flags\"");
    assertThat(d.explanation().steps())
        .noneMatch(s -> s instanceof RuleFired r && r.rule().startsWith("Flag:"));
  }
}

package io.fulcrum.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.json.RequestLimits;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.policy.PolicyRef;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * A request at the documented limits ({@link RequestLimits}) is read and decided by a shipped
 * policy; one entry more is refused, naming the field and the limit. Times are not asserted (CI
 * machines differ); the report of issue #10 states what was measured.
 */
class RequestLimitsTest {

  private static final LocalDate LAST_CLOSE = LocalDate.of(2026, 11, 24);

  /**
   * A portfolio-margin account of {@code positions} BTC options (distinct strikes) on a market
   * defining {@code instruments} instruments, with {@code days} of BTC history inline.
   */
  static String optionBook(int positions, int instruments, int days) {
    StringJoiner held = new StringJoiner(",\n", "[", "]");
    StringJoiner defined = new StringJoiner(",\n", "[", "]");
    StringJoiner prices = new StringJoiner(",\n", "{", "}");
    defined.add(
        "{\"kind\": \"PERPETUAL\", \"symbol\": \"BTCUSDT\", \"underlying\": \"BTC\","
            + " \"settlementAsset\": \"USDT\"}");
    prices.add("\"BTCUSDT\": {\"mark\": \"60000\", \"index\": \"60000\"}");
    for (int i = 0; i < instruments - 1; i++) {
      String symbol = "BTC-26DEC26-" + (20_000 + 10 * i) + (i % 2 == 0 ? "-C" : "-P");
      defined.add(
          String.format(
              Locale.ROOT,
              "{\"kind\": \"OPTION\", \"symbol\": \"%s\", \"underlying\": \"BTC\","
                  + " \"settlementAsset\": \"USDT\", \"contractSize\": \"0.1\","
                  + " \"expiry\": \"2026-12-26\", \"strike\": \"%d\", \"right\": \"%s\"}",
              symbol,
              20_000 + 10 * i,
              i % 2 == 0 ? "CALL" : "PUT"));
      prices.add(
          "\""
              + symbol
              + "\": {\"mark\": \"500\", \"index\": \"60000\", \"impliedVolatility\": \"0.6\"}");
      if (i < positions) {
        held.add(
            "{\"instrument\": \""
                + symbol
                + "\", \"quantity\": \""
                + (i % 3 == 0 ? "-1" : "2")
                + "\", \"entryPrice\": \"500\"}");
      }
    }
    StringJoiner dates = new StringJoiner(",", "[", "]");
    StringJoiner closes = new StringJoiner(",", "[", "]");
    Random random = new Random(7);
    double price = 60_000;
    for (int d = days - 1; d >= 0; d--) {
      dates.add("\"" + LAST_CLOSE.minusDays(d) + "\"");
      price *= 1 + 0.03 * random.nextGaussian();
      closes.add(Double.toString(Math.round(price * 100) / 100.0));
    }
    return "{\"account\": {\"id\": \"mm-1\", \"positions\": "
        + held
        + ", \"collateral\": [{\"asset\": \"USDT\", \"amount\": \"100000000\"}]},\n"
        + "\"market\": {\"asOf\": \"2026-11-25T12:00:00Z\", \"valuationCurrency\": \"USDT\","
        + " \"instruments\": "
        + defined
        + ", \"prices\": "
        + prices
        + ", \"assetPrices\": {\"USDT\": \"1\"}, \"history\": {\"series\": {\"BTC\": {\"dates\": "
        + dates
        + ", \"closes\": "
        + closes
        + "}}}}}";
  }

  @Test
  void aBookAtThePositionAndInstrumentLimits_decides() {
    PolicyRef policy = PolicyRef.parse("risk-based-im@1");
    // Smaller books first: compile the policy and warm the JIT, as a running service is warm.
    for (int positions : new int[] {10, 200, 500}) {
      ShippedPolicies.ENGINE.decide(
          policy, RequestReader.read(optionBook(positions, positions * 2, 400)), true);
    }
    String json = optionBook(RequestLimits.MAX_POSITIONS, RequestLimits.MAX_INSTRUMENTS, 400);
    long start = System.nanoTime();
    MarginDecision decision = ShippedPolicies.ENGINE.decide(policy, RequestReader.read(json), true);
    System.out.printf(
        Locale.ROOT,
        "%d positions, %d instruments, 400 history rows: read and decided in %.2f s%n",
        RequestLimits.MAX_POSITIONS,
        RequestLimits.MAX_INSTRUMENTS,
        (System.nanoTime() - start) / 1e9);
    assertThat(decision.positions()).hasSize(RequestLimits.MAX_POSITIONS);
    assertThat(decision.initialMargin()).isPositive();
  }

  @Test
  void oneInstrumentMore_isRefusedWithTheLimit() {
    String json = optionBook(1, RequestLimits.MAX_INSTRUMENTS + 1, 10);
    assertThatThrownBy(() -> RequestReader.read(json))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage(
            "market.instruments: a request may hold at most 2,000 instruments but this one has 2,001");
  }

  @Test
  void onePositionMore_isRefusedWithTheLimit() {
    String json = optionBook(RequestLimits.MAX_POSITIONS + 1, RequestLimits.MAX_POSITIONS + 2, 10);
    assertThatThrownBy(() -> RequestReader.read(json))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage(
            "account.positions: a request may hold at most 1,000 positions but this one has 1,001");
  }
}

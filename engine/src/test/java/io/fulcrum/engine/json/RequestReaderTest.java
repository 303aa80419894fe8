package io.fulcrum.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.domain.MarginRequest;
import java.math.BigDecimal;
import java.util.StringJoiner;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The request limits and error messages of {@link RequestReader}: every decimal and text field is
 * bounded, duplicate keys and invalid Unicode are refused, each with the field's path and without
 * Jackson internals.
 */
class RequestReaderTest {

  /** One of everything: every decimal field of a request appears once, with a distinct value. */
  private static final String FULL =
      """
      {"account": {"id": "acc-1",
        "positions": [
          {"instrument": "BTCUSDT", "quantity": "4.4", "entryPrice": "60000",
           "marginMode": "ISOLATED", "leverage": "20", "isolatedMargin": "13200"},
          {"instrument": "BTC-C", "quantity": "-1", "entryPrice": "1500"}],
        "collateral": [{"asset": "USDT", "amount": "5000"}],
        "debts": [{"asset": "USDC", "amount": "700"}]},
       "market": {"asOf": "2026-11-25T12:00:00Z", "valuationCurrency": "USDT",
        "instruments": [
          {"kind": "PERPETUAL", "symbol": "BTCUSDT", "underlying": "BTC", "settlementAsset": "USDT",
           "contractSize": "1"},
          {"kind": "OPTION", "symbol": "BTC-C", "underlying": "BTC", "settlementAsset": "USDT",
           "contractSize": "0.1", "expiry": "2026-12-25", "strike": "70000", "right": "CALL"}],
        "prices": {"BTCUSDT": {"mark": "60000", "index": "59990"},
                   "BTC-C": {"mark": "1500", "index": "59991", "impliedVolatility": "0.55"}},
        "assetPrices": {"USDT": "1", "USDC": "0.9998"}}}
      """;

  private static AbstractThrowableAssert<?, ? extends Throwable> refused(
      String json, String field) {
    return assertThatThrownBy(() -> RequestReader.read(json))
        .isInstanceOf(InvalidRequest.class)
        .satisfies(e -> assertThat(((InvalidRequest) e).field()).isEqualTo(field))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("`", "Source", "jackson"));
  }

  @Test
  void theFullRequestReads() {
    MarginRequest r = RequestReader.read(FULL);
    assertThat(r.account().positions()).hasSize(2);
    assertThat(r.market().findInstrument("BTC-C")).isPresent();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "'\"quantity\": \"4.4\"',         account.positions[0].quantity",
    "'\"entryPrice\": \"60000\"',     account.positions[0].entryPrice",
    "'\"leverage\": \"20\"',          account.positions[0].leverage",
    "'\"isolatedMargin\": \"13200\"', account.positions[0].isolatedMargin",
    "'\"amount\": \"5000\"',          account.collateral[0].amount",
    "'\"amount\": \"700\"',           account.debts[0].amount",
    "'\"contractSize\": \"0.1\"',     market.instruments[1].contractSize",
    "'\"strike\": \"70000\"',         market.instruments[1].strike",
    "'\"mark\": \"1500\"',            market.prices.BTC-C.mark",
    "'\"index\": \"59991\"',          market.prices.BTC-C.index",
    "'\"impliedVolatility\": \"0.55\"', market.prices.BTC-C.impliedVolatility",
    "'\"USDC\": \"0.9998\"',          market.assetPrices.USDC",
  })
  void everyDecimalField_refusesAHugeNegativeExponent_withItsPath(String field, String path) {
    String name = field.substring(0, field.indexOf(':') + 1);
    // as a string and as a JSON number: 1e-10000000 cost 72 s of CPU; 1e-999999999 ran out of
    // memory
    refused(FULL.replace(field, name + " \"1e-10000000\""), path)
        .hasMessageContaining("has 10000000 decimal places; at most 18 are allowed");
    refused(FULL.replace(field, name + " 1e-999999999"), path)
        .hasMessageContaining("at most 18 are allowed");
    refused(FULL.replace(field, name + " 1e999999999"), path)
        .hasMessageContaining("digits before the decimal point; at most 16 are allowed");
  }

  @Test
  void decimals_keepEighteenPlaces_andRefuseTheNineteenth() {
    String wei = "0.000000000000000001";
    MarginRequest r = RequestReader.read(FULL.replace("\"0.9998\"", "\"" + wei + "\""));
    assertThat(r.market().assetPrices().get("USDC")).isEqualTo(new BigDecimal(wei));
    refused(FULL.replace("\"0.9998\"", "\"0.0000000000000000001\""), "market.assetPrices.USDC")
        .hasMessageContaining("19 decimal places")
        .hasMessageContaining("the smallest non-zero amount is 1e-18");
    // a price that rounds to nothing at 18 places is refused, not read as zero
    refused(
        FULL.replace("\"entryPrice\": \"60000\"", "\"entryPrice\": 1e-19"),
        "account.positions[0].entryPrice");
  }

  @Test
  void longDigitStrings_areRefusedBeforeTheyAreParsed() {
    String digits = "1".repeat(65);
    refused(FULL.replace("\"4.4\"", "\"" + digits + "\""), "account.positions[0].quantity")
        .hasMessageContaining("at most 64 characters but this one has 65");
    // a JSON number far longer than any decimal: refused by the parser, in words
    refused(FULL.replace("\"4.4\"", "1" + "0".repeat(2_000)), "(body)")
        .hasMessageContaining("exceeds a reader limit");
  }

  @Test
  void leverageBelowOne_isRefused() {
    refused(FULL.replace("\"leverage\": \"20\"", "\"leverage\": \"0.5\""), "account.positions[0]")
        .hasMessageContaining("leverage must be at least 1 but was 0.5");
  }

  @Test
  void text_isAtMost200Characters_everyWhere() {
    String id200 = "a".repeat(200);
    assertThat(RequestReader.read(FULL.replace("acc-1", id200)).account().id()).isEqualTo(id200);
    refused(FULL.replace("acc-1", "a".repeat(201)), "account.id")
        .hasMessageContaining("at most 200 characters long but this one has 201");
    String longSymbol = "X".repeat(201);
    refused(
            FULL.replace("\"BTCUSDT\", \"underlying\"", "\"" + longSymbol + "\", \"underlying\""),
            "market.instruments[0].symbol")
        .hasMessageContaining("at most 200 characters");
    refused(
            FULL.replace("\"USDC\": \"0.9998\"", "\"" + longSymbol + "\": \"1\""),
            "market.assetPrices")
        .hasMessageContaining("a key may be at most 200 characters");
    refused(
            FULL.replace("\"asset\": \"USDT\"", "\"asset\": \"" + "U".repeat(10_000) + "\""),
            "account.collateral[0].asset")
        .hasMessageContaining("has 10,000");
  }

  @Test
  void duplicateKeys_areRefusedWithTheirPath_noValueWins() {
    // "quantity":"4.4","quantity":"400" decided 400
    String twice =
        FULL.replace("\"quantity\": \"4.4\"", "\"quantity\": \"4.4\", \"quantity\": \"400\"");
    refused(twice, "account.positions[0].quantity")
        .hasMessageContaining("duplicate key 'quantity'");
    refused(FULL.replace("\"asOf\"", "\"asOf\": \"2026-11-25T12:00:00Z\", \"asOf\""), "market.asOf")
        .hasMessageContaining("duplicate key 'asOf'");
    refused(
            FULL.replace("\"USDT\": \"1\"", "\"USDT\": \"1\", \"USDT\": \"2\""),
            "market.assetPrices.USDT")
        .hasMessageContaining("duplicate key 'USDT'");
  }

  @Test
  void theSharedMapper_refusesDuplicateKeysToo() {
    assertThatThrownBy(() -> Json.mapper().readTree("{\"a\": 1, \"a\": 2}"))
        .hasMessageContaining("Duplicate field 'a'");
    assertThatThrownBy(() -> RequestReader.tree("{\"policy\": \"x\", \"policy\": \"y\"}"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageStartingWith("policy: duplicate key 'policy'");
  }

  @Test
  void aLoneSurrogate_isRefusedWithThePath_aPairIsKept() {
    // "\ud800" in an account id was stored under a changed id
    refused(FULL.replace("acc-1", "acc-\\ud800-1"), "account.id")
        .hasMessageContaining("lone UTF-16 surrogate \\ud800 at character 4");
    refused(FULL.replace("acc-1", "acc-\\udc00"), "account.id").hasMessageContaining("\\udc00");
    refused(FULL.replace("\"BTCUSDT\": {", "\"BTC\\ud800\": {"), "market.prices")
        .hasMessageContaining("lone UTF-16 surrogate");
    String emoji = "acc-\uD83D\uDE80";
    assertThat(RequestReader.read(FULL.replace("acc-1", "acc-\\ud83d\\ude80")).account().id())
        .isEqualTo(emoji);
  }

  @Test
  void aControlCharacter_isRefusedWithThePath() {
    // A NUL in an account id reached PostgreSQL, which refused it with a database error.
    refused(FULL.replace("acc-1", "acc-\\u0000-1"), "account.id")
        .hasMessageContaining("control character \\u0000 at character 4");
    refused(FULL.replace("acc-1", "acc-\\n1"), "account.id")
        .hasMessageContaining("control character \\u000a");
    refused(FULL.replace("\"BTCUSDT\": {", "\"BTC\\u007f\": {"), "market.prices")
        .hasMessageContaining("control character \\u007f");
  }

  @Test
  void tooManyPositions_areRefusedWithTheLimit_beforeAnythingLooksAtThem() {
    int count = RequestLimits.MAX_POSITIONS + 20_000;
    StringJoiner positions = new StringJoiner(",", "[", "]");
    for (int i = 0; i < count; i++) {
      positions.add("{\"instrument\": \"P" + i + "\", \"quantity\": \"1\", \"entryPrice\": \"1\"}");
    }
    String json =
        FULL.replace(
            FULL.substring(FULL.indexOf("\"positions\": ["), FULL.indexOf("\"collateral\"")),
            "\"positions\": " + positions + ",\n");
    refused(json, "account.positions")
        .hasMessageContaining("at most 1,000 positions but this one has 21,000");
  }

  @Test
  void tooManyHistoryRows_areRefused() {
    int days = RequestLimits.MAX_HISTORY_ROWS + 1;
    StringJoiner dates = new StringJoiner(",", "[", "]");
    StringJoiner closes = new StringJoiner(",", "[", "]");
    java.time.LocalDate day = java.time.LocalDate.of(1900, 1, 1);
    for (int i = 0; i < days; i++) {
      dates.add("\"" + day.plusDays(i) + "\"");
      closes.add("1");
    }
    String json =
        FULL.replace(
            "\"assetPrices\"",
            "\"history\": {\"series\": {\"BTC\": {\"dates\": "
                + dates
                + ", \"closes\": "
                + closes
                + "}}}, \"assetPrices\"");
    refused(json, "market.history.series").hasMessageContaining("at most 5,000 history rows");
  }

  @Test
  void wrongShapes_areDescribedInWords() {
    // a data set named as a plain string leaked "Cannot construct instance of `io.fulcrum...`"
    refused(
            FULL.replace("\"assetPrices\"", "\"history\": \"btc-usd-daily\", \"assetPrices\""),
            "market.history")
        .hasMessageContaining("expected an object");
    refused(
            FULL.replace("\"kind\": \"PERPETUAL\"", "\"kind\": \"SWAPTION\""),
            "market.instruments[0]")
        .hasMessageContaining("unknown kind 'SWAPTION'; known kinds: [");
    refused(FULL.replace("\"ISOLATED\"", "\"HALF\""), "account.positions[0].marginMode")
        .hasMessageContaining("one of [CROSS, ISOLATED]");
    refused(FULL.replace("\"4.4\"", "{}"), "account.positions[0].quantity")
        .hasMessageContaining("expected a decimal number");
    refused(FULL.replace("\"acc-1\"", "[\"acc-1\"]"), "account.id")
        .hasMessageContaining("expected a string but got an array");
  }
}

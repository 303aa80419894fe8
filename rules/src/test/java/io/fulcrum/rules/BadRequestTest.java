package io.fulcrum.rules;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.policy.PolicyNotFound;
import io.fulcrum.engine.policy.PolicyRef;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad request is refused with a message that names the offending field. */
class BadRequestTest {

  private static String valid() throws Exception {
    return Files.readString(Path.of("src/test/resources/requests/btc-isolated-long.json"));
  }

  private static void decide(String json) {
    ShippedPolicies.ENGINE.decide(
        PolicyRef.parse("tiered-perps@1"), RequestReader.read(json), true);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "NaN mark price      | \"mark\": \"60000\"          | \"mark\": \"NaN\"                | market.prices.BTCUSDT.mark | 'NaN' is not a valid decimal number",
        "negative mark price | \"mark\": \"60000\"          | \"mark\": \"-5\"                 | market.prices.BTCUSDT      | mark must be positive but was -5",
        "zero quantity       | \"quantity\": \"4.4\"       | \"quantity\": \"0\"              | account.positions[0]       | quantity must not be zero",
        "absurd quantity     | \"quantity\": \"4.4\"       | \"quantity\": \"2e15\"           | account.positions[0]       | quantity must be at most",
        "huge quantity       | \"quantity\": \"4.4\"       | \"quantity\": \"1e30\"           | account.positions[0].quantity | '1e30' has 31 digits before the decimal point; at most 16",
        "tiny entry price    | \"entryPrice\": \"60000\"   | \"entryPrice\": \"1e-10000000\"  | account.positions[0].entryPrice | has 10000000 decimal places; at most 18",
        "duplicate key       | \"quantity\": \"4.4\"       | \"quantity\": \"4.4\", \"quantity\": \"400\" | account.positions[0].quantity | duplicate key 'quantity'",
        "lone surrogate      | \"acc-isolated-1\"         | \"acc-\\ud800\"               | account.id                 | lone UTF-16 surrogate",
        "negative entry      | \"entryPrice\": \"60000\"   | \"entryPrice\": \"-1\"           | account.positions[0]       | entryPrice must be positive",
        "text as a number    | \"quantity\": \"4.4\"       | \"quantity\": \"lots\"           | account.positions[0].quantity | 'lots' is not a valid decimal number",
        "unknown field       | \"leverage\": \"20\"        | \"levrage\": \"20\"              | account.positions[0].levrage | unknown field 'levrage'",
        "unknown instrument  | \"instrument\": \"BTCUSDT\" | \"instrument\": \"DOGEUSDT\"     | account.positions[0].instrument | unknown instrument 'DOGEUSDT'",
        "negative collateral | \"amount\": \"5000\"        | \"amount\": \"-5000\"            | account.collateral[0]      | amount must not be negative",
        "isolated w/o margin | \"isolatedMargin\": \"13200\" | \"isolatedMargin\": null       | account.positions[0]       | isolatedMargin is required",
        "unknown kind        | \"kind\": \"PERPETUAL\"     | \"kind\": \"SWAPTION\"           | market.instruments[0]      | SWAPTION",
        "missing price       | \"BTCUSDT\": { \"mark\"     | \"ETHUSDT\": { \"mark\"         | market.prices.BTCUSDT      | no mark price for instrument 'BTCUSDT'",
      })
  void badField_isNamedInTheError(String name, String from, String to, String field, String message)
      throws Exception {
    String json = valid().replace(from, to);
    assertThatThrownBy(() -> decide(json))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining(message)
        .satisfies(
            e ->
                org.assertj.core.api.Assertions.assertThat(((InvalidRequest) e).field())
                    .isEqualTo(field));
  }

  @Test
  void malformedJson_isRefusedWithItsLocation() {
    assertThatThrownBy(() -> decide("{\"account\": {\"id\": \"x\",, }"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("malformed JSON at line 1");
  }

  @Test
  void emptyBody_isRefused() {
    assertThatThrownBy(() -> decide("  "))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("empty");
  }

  @Test
  void missingMarket_isNamed() {
    assertThatThrownBy(() -> decide("{\"account\": {\"id\": \"x\"}}"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("market is required");
  }

  @Test
  void collateralWithoutAPrice_isNamed() throws Exception {
    String json = valid().replace("\"asset\": \"USDT\"", "\"asset\": \"XRP\"");
    assertThatThrownBy(() -> decide(json))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("market.assetPrices.XRP: no price for asset 'XRP'");
  }

  @Test
  void unknownPolicyVersion_isNotFound() throws Exception {
    var request = RequestReader.read(valid());
    assertThatThrownBy(
            () -> ShippedPolicies.ENGINE.decide(PolicyRef.parse("tiered-perps@9"), request, true))
        .isInstanceOf(PolicyNotFound.class)
        .hasMessageContaining("known: [1, 2, 3, 4]");
  }

  @Test
  void anInstrumentThePolicyDoesNotCover_isNamed() throws Exception {
    String json =
        valid()
            .replace(
                "{ \"kind\": \"PERPETUAL\", \"symbol\": \"BTCUSDT\"",
                "{ \"kind\": \"OPTION\", \"expiry\": \"2026-12-25\", \"strike\": \"60000\", \"right\": \"CALL\", \"symbol\": \"BTCUSDT\"");
    assertThatThrownBy(() -> decide(json))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("account.positions[0].instrument")
        .hasMessageContaining("does not cover this instrument");
  }
}

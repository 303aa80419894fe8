package io.fulcrum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.market.MarketDataLocation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code fulcrum decide} on a request whose {@code market.history} names a data set: resolved from
 * the configured location (default the shipped test-scenarios/data), recorded with its content
 * hash; an unknown one is refused on the field with the known sets listed.
 */
class DecideDataSetTest {

  /** btc-usd-daily.csv as shipped (SHA-256 a4b256f8...), skip-day: first 12 hex of its hash. */
  static final String BTC = "btc-usd-daily@882116ee0971";

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  static String request(String dataSet) {
    return """
        {"account": {"id": "acc-named-set",
          "positions": [{"instrument": "BTCUSDT", "quantity": "2", "entryPrice": "57000"}],
          "collateral": [{"asset": "USDT", "amount": "100000"}]},
         "market": {"asOf": "2021-11-25T00:00:00Z", "valuationCurrency": "USDT",
          "instruments": [{"kind": "PERPETUAL", "symbol": "BTCUSDT", "underlying": "BTC",
                           "settlementAsset": "USDT", "contractSize": "1"}],
          "prices": {"BTCUSDT": {"mark": "57000", "index": "56990"}},
          "assetPrices": {"USDT": "1"},
          "history": {"dataSet": "%s"}}}
        """
        .formatted(dataSet);
  }

  private int decide(String dataSet) throws Exception {
    Path file = dir.resolve("request.json");
    Files.writeString(file, request(dataSet));
    CommandLine cli = FulcrumCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(
        "decide",
        "--rules",
        "../rules",
        "--policy",
        "risk-based-im@1",
        "--request",
        file.toString());
  }

  private static JsonNode marketData(JsonNode decision) {
    for (JsonNode step : decision.get("explanation").get("steps")) {
      if ("MEASURE".equals(step.get("kind").asText())) {
        return step.get("inputs").get("marketData");
      }
    }
    throw new AssertionError("no MEASURE step in " + decision);
  }

  @Test
  void aNamedDataSet_decides_andTheDecisionRecordsItsNameAndHash() throws Exception {
    assertThat(decide(BTC)).as(err.toString()).isZero();
    JsonNode decision = Json.mapper().readTree(out.toString());
    assertThat(decision.get("status").asText()).isEqualTo("OK");
    assertThat(new java.math.BigDecimal(decision.get("initialMargin").asText())).isPositive();
    JsonNode used = marketData(decision);
    assertThat(used.get("dataSet").asText()).isEqualTo(BTC);
    assertThat(used.get("dataSetHash").asText()).startsWith("882116ee0971").hasSize(64);
  }

  @Test
  void anUnknownDataSet_isRefusedOnTheField_listingTheKnownSets() throws Exception {
    assertThat(decide("btc-usd-daily@000000000000")).isEqualTo(FulcrumCli.BAD_INPUT);
    assertThat(err.toString())
        .contains(
            "invalid request: market.history.dataSet: unknown market data set"
                + " 'btc-usd-daily@000000000000'; known sets (name@version): ["
                + BTC
                + ", eth-usd-daily@")
        .doesNotContain("`", "Cannot construct");
  }

  @Test
  void theLocation_isConfigurable_byTheSystemProperty() throws Exception {
    Path sets = Files.createDirectories(dir.resolve("sets"));
    Files.copy(
        Path.of("../test-scenarios/data", "btc-usd-daily.csv"), sets.resolve("btc-spot.csv"));
    System.setProperty(MarketDataLocation.PROPERTY, sets.toString());
    try {
      assertThat(decide("btc-spot@882116ee0971")).as(err.toString()).isZero();
      assertThat(marketData(Json.mapper().readTree(out.toString())).get("dataSet").asText())
          .isEqualTo("btc-spot@882116ee0971");
      out.getBuffer().setLength(0);
      assertThat(decide(BTC)).isEqualTo(FulcrumCli.BAD_INPUT);
      assertThat(err.toString()).contains("known sets (name@version): [btc-spot@882116ee0971]");
    } finally {
      System.clearProperty(MarketDataLocation.PROPERTY);
    }
  }
}

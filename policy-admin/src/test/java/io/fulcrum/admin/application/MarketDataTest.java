package io.fulcrum.admin.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The service resolves named market data sets from its configured directory ({@code
 * fulcrum.market-data}) when it takes a decision; without the setting a named set is an invalid
 * request that says none are configured.
 */
class MarketDataTest {

  static final Path SHIPPED_DATA = Path.of("..", "test-scenarios", "data");
  static final String BTC = "btc-usd-daily@882116ee0971";

  static final String REQUEST =
      """
      {"account": {"id": "acc-named-set",
        "positions": [{"instrument": "BTCUSDT", "quantity": "2", "entryPrice": "57000"}],
        "collateral": [{"asset": "USDT", "amount": "100000"}]},
       "market": {"asOf": "2021-11-25T00:00:00Z", "valuationCurrency": "USDT",
        "instruments": [{"kind": "PERPETUAL", "symbol": "BTCUSDT", "underlying": "BTC",
                         "settlementAsset": "USDT", "contractSize": "1"}],
        "prices": {"BTCUSDT": {"mark": "57000", "index": "56990"}},
        "assetPrices": {"USDT": "1"},
        "history": {"dataSet": "%s"}}}
      """;

  /** A decision service over the shipped risk-based-im@1 and the given market data setting. */
  private static DecisionService service(Optional<String> directory) {
    CompiledPolicy policy =
        MarginEngine.over(PolicyLibrary.at(Path.of("..", "rules")))
            .policy(PolicyRef.parse("risk-based-im@1"));
    DecisionService service = new DecisionService();
    service.policies =
        new PolicyEngine() {
          @Override
          public CompiledPolicy resolve(String ref, java.time.Instant at) {
            return policy;
          }
        };
    service.clock = new ServiceClock();
    service.marketData = new MarketData();
    service.marketData.directory = directory;
    return service;
  }

  private static NewDecision decide(DecisionService service, String dataSet) {
    MarginRequest request = RequestReader.read(REQUEST.formatted(dataSet));
    return service.evaluate(request, Json.canonical(request), "hash", "risk-based-im@1", null);
  }

  @Test
  void aDecisionOnANamedDataSet_usesTheConfiguredDirectory_andRecordsNameAndHash() {
    NewDecision decision = decide(service(Optional.of(SHIPPED_DATA.toString())), BTC);
    assertThat(decision.decision().initialMargin()).isPositive();
    assertThat(decision.decisionJson())
        .contains("\"dataSet\":\"" + BTC + "\"")
        .contains("\"dataSetHash\":\"882116ee0971");
  }

  @Test
  void anUnknownDataSet_isAnInvalidRequestListingTheKnownSets() {
    assertThatThrownBy(
            () -> decide(service(Optional.of(SHIPPED_DATA.toString())), "btc-usd-daily@1"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("market.history.dataSet: unknown market data set 'btc-usd-daily@1'")
        .hasMessageContaining("known sets (name@version): [" + BTC + ", eth-usd-daily@");
  }

  @Test
  void withoutTheSetting_aNamedDataSetIsRefused_sayingHowToConfigureIt() {
    assertThatThrownBy(() -> decide(service(Optional.empty()), BTC))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining(
            "no market data sets are configured (set fulcrum.market-data or"
                + " FULCRUM_MARKET_DATA");
  }
}

package io.fulcrum.rules;

import static io.fulcrum.rules.ShippedPolicies.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.domain.Account;
import io.fulcrum.engine.domain.CollateralBalance;
import io.fulcrum.engine.domain.EuropeanOption;
import io.fulcrum.engine.domain.Instrument;
import io.fulcrum.engine.domain.InstrumentPrice;
import io.fulcrum.engine.domain.InvalidRequest;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.domain.MarketSnapshot;
import io.fulcrum.engine.domain.OptionRight;
import io.fulcrum.engine.domain.PerpetualFuture;
import io.fulcrum.engine.domain.Position;
import io.fulcrum.engine.explain.MeasureCalled;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.json.RequestReader;
import io.fulcrum.engine.market.MarketDataSet;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.market.MarketHistory;
import io.fulcrum.engine.market.PriceHistory;
import io.fulcrum.engine.measure.DerivativesPortfolio;
import io.fulcrum.engine.measure.HistoricalPortfolio;
import io.fulcrum.engine.measure.HistoricalPortfolio.UnderlyingReturns;
import io.fulcrum.engine.measure.MeasureParameters;
import io.fulcrum.engine.measure.RiskMeasures;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * risk-based-im v1. Figures are checked against the measures called directly on inputs built here
 * by hand (same conventions: units = contracts x size, ACT/365 to 08:00 UTC, closes before asOf's
 * day), and against hand arithmetic for the buffer, floor, add-on and maintenance fraction.
 */
class RiskBasedImTest {

  static final String POLICY = "risk-based-im@1";
  static final LocalDate LAST_CLOSE = LocalDate.of(2026, 11, 24); // asOf is 2026-11-25T12:00Z
  static final double T = (30 * 86_400 - 4 * 3_600) / (365.0 * 86_400); // to 2026-12-25 08:00 UTC

  /** Seeded random-walk closes, {@code days} of them ending on LAST_CLOSE. */
  static PriceHistory history(String asset, int days, double start, double vol, long seed) {
    Random random = new Random(seed);
    List<LocalDate> dates = new ArrayList<>();
    double[] closes = new double[days];
    double price = start;
    for (int i = 0; i < days; i++) {
      dates.add(LAST_CLOSE.minusDays(days - 1 - i));
      price *= 1 + vol * random.nextGaussian();
      closes[i] = Math.round(price * 100) / 100.0;
    }
    return new PriceHistory(asset, dates, closes);
  }

  static MarketHistory inline(int days) {
    return MarketHistory.inline(
        Map.of(
            "BTC",
            history("BTC", days, 60_000, 0.03, 1),
            "ETH",
            history("ETH", days, 3_000, 0.04, 2)));
  }

  /**
   * Long 2 BTC perp, short 20 ETH perp, short 3 BTC 70k calls, long 4 BTC 55k puts (Dec 25 2026).
   */
  static MarginRequest request(String wallet, String btcQuantity, MarketHistory history) {
    List<Instrument> instruments =
        List.of(
            new PerpetualFuture("BTCUSDT", "BTC", "USDT", BigDecimal.ONE),
            new PerpetualFuture("ETHUSDT", "ETH", "USDT", BigDecimal.ONE),
            new EuropeanOption(
                "BTC-70000-C",
                "BTC",
                "USDT",
                BigDecimal.ONE,
                LocalDate.of(2026, 12, 25),
                dec("70000"),
                OptionRight.CALL),
            new EuropeanOption(
                "BTC-55000-P",
                "BTC",
                "USDT",
                BigDecimal.ONE,
                LocalDate.of(2026, 12, 25),
                dec("55000"),
                OptionRight.PUT));
    TreeMap<String, InstrumentPrice> prices = new TreeMap<>();
    prices.put("BTCUSDT", new InstrumentPrice(dec("60000"), null));
    prices.put("ETHUSDT", new InstrumentPrice(dec("3000"), null));
    prices.put("BTC-70000-C", new InstrumentPrice(dec("900"), dec("60000"), dec("0.6")));
    prices.put("BTC-55000-P", new InstrumentPrice(dec("1500"), dec("60000"), dec("0.65")));
    MarketSnapshot market =
        new MarketSnapshot(
            ShippedPolicies.AS_OF,
            "USDT",
            instruments,
            prices,
            new TreeMap<>(Map.of("USDT", BigDecimal.ONE)),
            history);
    List<Position> positions =
        List.of(
            Position.cross("BTCUSDT", btcQuantity, "60000"),
                Position.cross("ETHUSDT", "-20", "3000"),
            Position.cross("BTC-70000-C", "-3", "900"), Position.cross("BTC-55000-P", "4", "1500"));
    return new MarginRequest(
        new Account(
            "pm-1", positions, List.of(new CollateralBalance("USDT", dec(wallet))), List.of()),
        market);
  }

  static MarginDecision decide(MarginRequest request) {
    return ShippedPolicies.decide(POLICY, request);
  }

  /** The portfolio as the measures see it, built here independently of the engine. */
  static DerivativesPortfolio portfolio(double btcUnits) {
    return DerivativesPortfolio.of(
        "USDT",
        0.0,
        Map.of("BTC", 60_000.0, "ETH", 3_000.0),
        List.of(
            new DerivativesPortfolio.Future("BTCUSDT", "BTC", btcUnits),
            new DerivativesPortfolio.Future("ETHUSDT", "ETH", -20),
            new DerivativesPortfolio.EuropeanOption(
                "BTC-70000-C", "BTC", -3, DerivativesPortfolio.OptionRight.CALL, 70_000, T, 0.6),
            new DerivativesPortfolio.EuropeanOption(
                "BTC-55000-P", "BTC", 4, DerivativesPortfolio.OptionRight.PUT, 55_000, T, 0.65)));
  }

  static HistoricalPortfolio withHistory(double btcUnits, MarketHistory h) {
    PriceHistory btc = h.series().get("BTC");
    PriceHistory eth = h.series().get("ETH");
    return new HistoricalPortfolio(
        portfolio(btcUnits),
        btc.dates().subList(1, btc.size()),
        new TreeMap<>(
            Map.of(
                "BTC",
                new UnderlyingReturns(btc.simpleReturns(), null),
                "ETH",
                new UnderlyingReturns(eth.simpleReturns(), null))),
        null);
  }

  static double measure(String name, Object input, Map<String, String> settings) {
    return RiskMeasures.load()
        .get(name)
        .evaluate((io.fulcrum.engine.measure.MeasureInput) input, MeasureParameters.of(settings))
        .value();
  }

  static final Map<String, String> ES =
      Map.of(
          "alpha",
          "0.975",
          "horizonDays",
          "2",
          "horizonMethod",
          "overlapping",
          "minimumObservations",
          "250");

  @Test
  void initialMargin_isTheBufferedLargerOfFhsEsAndGridLoss_maintenanceEightyPercent() {
    MarketHistory h = inline(400);
    MarginDecision d = decide(request("1000000", "2", h));
    double fhs =
        measure(
            "fhs-portfolio-es",
            withHistory(2, h),
            new TreeMap<>(
                Map.of(
                    "alpha",
                    "0.975",
                    "lambda",
                    "0.94",
                    "horizonDays",
                    "2",
                    "horizonMethod",
                    "overlapping",
                    "minimumObservations",
                    "250")));
    double grid = measure("scenario-grid", portfolio(2), Map.of());
    double risk = Math.max(Math.max(fhs, grid), 0);
    assertThat(d.metrics().get("riskMargin").doubleValue()).isCloseTo(risk, within(1e-6));
    // Exposures: BTC 2 x 60,000 = 120k, options 3 and 4 x 60,000; ETH 60k: all far below 5% of
    // depth.
    assertThat(d.positions())
        .allSatisfy(p -> assertThat(p.initialMargin()).isEqualByComparingTo("0"));
    assertThat(d.initialMargin().doubleValue()).isCloseTo(risk * 1.25, within(1e-6));
    assertThat(d.maintenanceMargin().doubleValue()).isCloseTo(risk * 1.25 * 0.8, within(1e-6));
    assertThat(d.status()).isEqualTo(DecisionStatus.OK);
  }

  @Test
  void concentrationAddOn_isTheTableRateOnTheWholeExposure() {
    // 400 BTC x 60,000 = 24M = 12% of the 200M BTC depth -> row (0.10..0.25], rate 3%: 720,000.
    MarginDecision d = decide(request("10000000", "400", inline(400)));
    var btc = d.positions().get(0);
    assertThat(btc.parameters()).containsEntry("addOnRate", dec("0.03"));
    assertThat(btc.initialMargin()).isEqualByComparingTo("720000");
    assertThat(btc.maintenanceMargin()).isEqualByComparingTo("576000"); // 0.8 x 720,000
    assertThat(d.initialMargin())
        .isEqualByComparingTo(d.metrics().get("apcMargin").add(dec("720000")));
  }

  @Test
  void stressedFloorVariant_floorsTheRiskMarginAtTheStressedEs(@TempDir Path dir) throws Exception {
    Path bundle = dir.resolve("risk-based-im/1");
    Files.createDirectories(bundle);
    for (String f :
        List.of("manifest.yaml", "concentration.dmn", "concentration.scesim", "margin.drl")) {
      String text = Files.readString(Path.of("risk-based-im/1").resolve(f));
      Files.writeString(
          bundle.resolve(f),
          text.replace("antiProcyclicality: buffer", "antiProcyclicality: stressed-floor"));
    }
    MarginEngine engine = MarginEngine.over(PolicyLibrary.at(dir));
    MarketHistory h = inline(400);
    MarginDecision d = engine.decide(PolicyRef.parse(POLICY), request("1000000", "2", h), true);
    double stressed = measure("historical-portfolio-es", withHistory(2, h), ES);
    double risk = d.metrics().get("riskMargin").doubleValue();
    assertThat(d.metrics().get("apcMargin").doubleValue())
        .isCloseTo(Math.max(risk, stressed), within(1e-6));
    assertThat(d.initialMargin()).isEqualByComparingTo(d.metrics().get("apcMargin"));
    assertThat(
            d.explanation().steps().stream()
                .filter(s -> s instanceof MeasureCalled)
                .map(s -> ((MeasureCalled) s).as()))
        .containsExactly("fhsEs", "scenarioGrid", "stressedEs");
  }

  @Test
  void status_followsMarginBalanceAgainstInitialAndMaintenance() {
    MarketHistory h = inline(400);
    BigDecimal im = decide(request("1000000", "2", h)).initialMargin();
    BigDecimal mm = im.multiply(dec("0.8"));
    // Unrealised P&L is zero (entries at marks), so the balance is the wallet.
    assertThat(decide(request(im.toPlainString(), "2", h)).status()).isEqualTo(DecisionStatus.OK);
    assertThat(decide(request(im.subtract(dec("0.01")).toPlainString(), "2", h)).status())
        .isEqualTo(DecisionStatus.MARGIN_CALL);
    assertThat(decide(request(mm.toPlainString(), "2", h)).status())
        .isEqualTo(DecisionStatus.MARGIN_CALL);
    assertThat(decide(request(mm.subtract(dec("0.01")).toPlainString(), "2", h)).status())
        .isEqualTo(DecisionStatus.LIQUIDATE);
  }

  @Test
  void explanation_listsEveryMeasureCallWithItsInputsAndTheDataUsed() {
    MarketHistory h = inline(400);
    MarginDecision d = decide(request("1000000", "2", h));
    List<MeasureCalled> calls =
        d.explanation().steps().stream()
            .filter(s -> s instanceof MeasureCalled)
            .map(MeasureCalled.class::cast)
            .toList();
    // stressedEs has when: {antiProcyclicality: stressed-floor}, so with the buffer it is never
    // computed
    assertThat(calls).extracting(MeasureCalled::as).containsExactly("fhsEs", "scenarioGrid");
    MeasureCalled fhs = calls.get(0);
    assertThat(fhs.inputs())
        .containsEntry("n", 399)
        .containsEntry("observationsUsed", 398)
        .containsEntry("alpha", 0.975)
        .containsEntry("lambda", 0.94)
        .containsEntry("horizonDays", 2)
        .containsEntry("horizonMethod", "overlapping")
        .containsEntry("from", LAST_CLOSE.minusDays(398).toString())
        .containsEntry("to", LAST_CLOSE.toString());
    assertThat(marketData(fhs)).containsEntry("inlineHash", h.inlineHash());
    assertThat(calls.get(1).inputs()).containsKeys("n", "priceMoveRange", "volShocks");
    assertThat(io.fulcrum.engine.explain.ExplanationText.render(d))
        .contains("measure fhs-portfolio-es as fhsEs")
        // No deciding measure: the status compares the balance with both requirements, and the
        // decision says that no liquidation price applies (issue #15).
        .containsPattern(
            "Status [A-Z_]+: margin balance .* the maintenance margin .* the initial margin")
        .contains("Liquidation price: none applies under this policy (no rule sets one)");
    assertThat(d.liquidationMoves()).isEmpty();
  }

  @Test
  void namedDataSet_givesTheSameMarginAsTheSameSeriesInline_andIsRecordedWithItsHash() {
    MarketHistory h = inline(400);
    MarketDataSet set = MarketDataSet.of("crypto-daily", "2026-11-24", h.series());
    MarginEngine engine = ShippedPolicies.ENGINE.withMarketData(MarketDataSets.of(List.of(set)));
    MarginDecision byRef =
        engine.decide(
            PolicyRef.parse(POLICY),
            request("1000000", "2", MarketHistory.ofDataSet("crypto-daily@2026-11-24")),
            true);
    assertThat(byRef.initialMargin())
        .isEqualByComparingTo(decide(request("1000000", "2", h)).initialMargin());
    MeasureCalled fhs =
        (MeasureCalled)
            byRef.explanation().steps().stream()
                .filter(s -> s instanceof MeasureCalled)
                .findFirst()
                .orElseThrow();
    assertThat(marketData(fhs))
        .containsEntry("dataSet", "crypto-daily@2026-11-24")
        .containsEntry("dataSetHash", set.hash());
  }

  @Test
  void decisionIsDeterministicAndSurvivesAJsonRoundTripOfTheRequest() {
    MarginRequest request = request("1000000", "2", inline(300));
    MarginRequest again = RequestReader.read(Json.canonical(request));
    assertThat(decide(again).decisionHash()).isEqualTo(decide(request).decisionHash());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> marketData(MeasureCalled call) {
    return (Map<String, Object>) call.inputs().get("marketData");
  }

  @Test
  void unknownDataSet_isNamed() {
    assertThatThrownBy(() -> decide(request("1000", "2", MarketHistory.ofDataSet("nope@1"))))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("unknown market data set 'nope@1'")
        .satisfies(
            e -> assertThat(((InvalidRequest) e).field()).isEqualTo("market.history.dataSet"));
  }

  @Test
  void tooShortHistory_isNamed() {
    assertThatThrownBy(() -> decide(request("1000", "2", inline(100))))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("needs at least 250 daily returns")
        .hasMessageContaining("fhsEs")
        .satisfies(e -> assertThat(((InvalidRequest) e).field()).isEqualTo("market.history"));
  }

  @Test
  void missingHistory_isNamed() {
    assertThatThrownBy(() -> decide(request("1000", "2", null)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("need daily price history of [BTC, ETH]")
        .satisfies(e -> assertThat(((InvalidRequest) e).field()).isEqualTo("market.history"));
  }

  @Test
  void historyWithoutAnUnderlying_isNamed() {
    MarketHistory btcOnly =
        MarketHistory.inline(Map.of("BTC", history("BTC", 300, 60_000, 0.03, 1)));
    assertThatThrownBy(() -> decide(request("1000", "2", btcOnly)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("no price history for underlying 'ETH'")
        .satisfies(
            e -> assertThat(((InvalidRequest) e).field()).isEqualTo("market.history.series.ETH"));
  }

  @Test
  void nanCloseInTheRequestJson_isRefused() {
    String json = Json.canonical(request("1000", "2", inline(300)));
    String bad =
        json.replaceFirst("\"closes\":\\[([0-9.]+),", "\"closes\":[$1,\"NaN\",")
            .replaceFirst(",[0-9.]+\\]", "]");
    assertThatThrownBy(() -> RequestReader.read(bad))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("NaN")
        .satisfies(e -> assertThat(((InvalidRequest) e).field()).startsWith("market.history"));
  }

  @Test
  void optionWithoutImpliedVolatility_isNamed() {
    MarginRequest r = request("1000", "2", inline(300));
    TreeMap<String, InstrumentPrice> prices = new TreeMap<>(r.market().prices());
    prices.put("BTC-70000-C", new InstrumentPrice(dec("900"), dec("60000")));
    MarketSnapshot m =
        new MarketSnapshot(
            r.market().asOf(),
            "USDT",
            r.market().instruments(),
            prices,
            r.market().assetPrices(),
            r.market().history());
    assertThatThrownBy(() -> decide(new MarginRequest(r.account(), m)))
        .isInstanceOf(InvalidRequest.class)
        .satisfies(
            e ->
                assertThat(((InvalidRequest) e).field())
                    .isEqualTo("market.prices.BTC-70000-C.impliedVolatility"));
  }
}

package io.fulcrum.admin.application.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulcrum.backtest.PortfolioFile;
import io.fulcrum.engine.backtest.BacktestPortfolio;
import io.fulcrum.engine.backtest.BacktestResult;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.market.DirectoryMarketDataSets;
import io.fulcrum.engine.market.MarketDataSet;
import io.fulcrum.engine.market.MissingDataPolicy;
import io.fulcrum.engine.policy.CompiledPolicy;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/**
 * The coverage evidence run (a backtest of the draft and of the baseline side by side) stores what
 * it computed, and its statistics agree with a computation made here from the stored margins and
 * losses alone: a breach is a day whose loss exceeds its margin, Kupiec's POF likelihood ratio
 * against 1% with its chi-squared(1) p-value, and the traffic light from the binomial probability
 * of at most that many breaches (green below 95%, red from 99.99%).
 */
class EvidenceCoverageTest {

  @Test
  void coverage_storesBothBacktests_andItsStatisticsAgreeWithAnIndependentComputation()
      throws Exception {
    CompiledPolicy candidate = EvidenceImpactTest.policy("risk-based-im@2");
    CompiledPolicy baseline = EvidenceImpactTest.policy("risk-based-im@1");
    BacktestPortfolio portfolio =
        PortfolioFile.read(EvidenceImpactTest.FILES.portfolio("btc-long.yaml"));
    MarketDataSet set =
        DirectoryMarketDataSets.file(
            EvidenceImpactTest.ROOT.resolve("test-scenarios/data/btc-usd-daily.csv"),
            MissingDataPolicy.SKIP_DAY);

    BacktestResult c = EvidenceRuns.backtest(candidate, portfolio, set, 2);
    BacktestResult b = EvidenceRuns.backtest(baseline, portfolio, set, 2);
    EvidenceRuns.Outcome stored =
        EvidenceRuns.coverage("btc-long", set, 2, "risk-based-im@2", c, "risk-based-im@1", b);
    JsonNode root = Json.mapper().readTree(stored.resultJson());

    assertThat(root.get("data").get("hash").asText()).isEqualTo(set.hash());
    for (String side : List.of("candidate", "baseline")) {
      JsonNode s = root.get(side);
      JsonNode margins = s.get("margins");
      JsonNode losses = s.get("losses");
      int n = margins.size();
      assertThat(n).as(side).isGreaterThan(250).isEqualTo(losses.size());
      List<String> breachDays = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (losses.get(i).asDouble() > margins.get(i).asDouble()) {
          breachDays.add(s.get("dates").get(i).asText());
        }
      }
      List<String> listed = new ArrayList<>();
      s.get("breaches").forEach(x -> listed.add(x.get("date").asText()));
      assertThat(listed).as(side + ": breach days").isEqualTo(breachDays);

      int x = breachDays.size();
      double p = 0.01;
      double rate = (double) x / n;
      double lr =
          -2 * ((n - x) * Math.log(1 - p) + x * Math.log(p))
              + 2
                  * ((n - x) * (x == n ? 0 : Math.log(1 - rate))
                      + (x == 0 ? 0 : x * Math.log(rate)));
      double pValue = 1 - new ChiSquaredDistribution(1).cumulativeProbability(lr);
      assertThat(s.get("tests").get("kupiec").get("pValue").asDouble())
          .as(side + ": Kupiec p")
          .isCloseTo(pValue, within(1e-9));

      double f = new BinomialDistribution(n, p).cumulativeProbability(x);
      String zone = f < 0.95 ? "GREEN" : f < 0.9999 ? "YELLOW" : "RED";
      assertThat(s.get("tests").get("trafficLight").get("zone").asText())
          .as(side + ": zone for " + x + " breaches in " + n + " days")
          .isEqualTo(zone);
    }
    assertThat(stored.outcome())
        .isEqualTo(
            root.get("candidate").get("tests").get("trafficLight").get("zone").asText()
                + "/"
                + root.get("baseline").get("tests").get("trafficLight").get("zone").asText());
  }
}

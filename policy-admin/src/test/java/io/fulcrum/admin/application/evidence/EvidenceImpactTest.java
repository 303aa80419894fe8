package io.fulcrum.admin.application.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulcrum.engine.domain.Account;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.domain.MarketSnapshot;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.policy.CompiledPolicy;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.engine.runtime.MarginEngine;
import io.fulcrum.scenarios.impact.CellImpact;
import io.fulcrum.scenarios.impact.ImpactResult;
import io.fulcrum.scenarios.impact.ImpactRunner;
import io.fulcrum.scenarios.regress.RegressionResult;
import io.fulcrum.scenarios.regress.RegressionRunner;
import io.fulcrum.scenarios.report.ImpactReports;
import io.fulcrum.scenarios.report.JunitXml;
import io.fulcrum.scenarios.run.Progress;
import io.fulcrum.scenarios.suite.MarketState;
import io.fulcrum.scenarios.suite.Suite;
import io.fulcrum.scenarios.suite.SuiteLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The evidence jobs' numbers are the command line's: impact over a book is ImpactRunner's own
 * report, impact over stored requests ({@link RequestImpact}) agrees cell for cell with
 * ImpactRunner run over the same accounts as a book, regression is RegressionRunner's, and a cancel
 * stops a run.
 */
class EvidenceImpactTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final ScenarioFiles FILES = ScenarioFiles.at(ROOT.resolve("test-scenarios"));
  static final MarginEngine ENGINE = MarginEngine.over(PolicyLibrary.at(ROOT.resolve("rules")));
  static final MarketDataSets NO_DATA = MarketDataSets.none().forRequests();

  static CompiledPolicy policy(String ref) {
    return ENGINE.policy(PolicyRef.parse(ref));
  }

  static Suite load(Path file) {
    return new SuiteLoader(FILES.stressLibrary().resolver()).load(file);
  }

  /** The CLI JSON without its wall-clock timings. */
  static JsonNode withoutTimings(String json) throws Exception {
    ObjectNode tree = (ObjectNode) Json.mapper().readTree(json);
    tree.remove("timingsSeconds");
    return tree;
  }

  @Test
  void impactOverABook_storesTheCliReportAndHistogramsOfEveryChangedCell() throws Exception {
    Suite book = load(FILES.book("perps-book.yaml")).withGenerated(400);
    CompiledPolicy v1 = policy("tiered-perps@1");
    CompiledPolicy v2 = policy("tiered-perps@2");
    ImpactResult cli = new ImpactRunner(2, 100).run(book, v1, v2, Progress.silent());

    ImpactResult job =
        new ImpactRunner(2, EvidenceRuns.LISTED).run(book, v1, v2, Progress.silent());
    EvidenceRuns.Outcome stored = EvidenceRuns.impact(job, "USDT");
    JsonNode result = Json.mapper().readTree(stored.resultJson());

    assertThat(withoutTimings(result.get("impact").toString()))
        .isEqualTo(withoutTimings(ImpactReports.json(cli, 100)));
    assertThat(cli.changes()).isNotEmpty();
    assertThat(stored.outcome()).isEqualTo("CHANGES");
    // Histograms: every changed cell is in exactly one bin; the bins span min..max of the changes.
    JsonNode mm = result.get("histograms").get("maintenanceMargin");
    long inBins = 0;
    for (JsonNode bin : mm.get("bins")) {
      inBins += bin.get("count").asLong();
    }
    assertThat(inBins).isEqualTo(cli.changes().size());
    double largest =
        cli.changes().stream()
            .mapToDouble(c -> c.maintenanceChange().doubleValue())
            .max()
            .orElseThrow();
    assertThat(mm.get("max").asDouble()).isEqualTo(largest);
    assertThat(mm.get("xAxis").asText()).startsWith("Change in maintenance margin");
    assertThat(mm.get("yAxis").asText()).isEqualTo("Changed cells");
  }

  /**
   * Requests that share one market are a book of one market state: ImpactRunner over that book and
   * the stored-decision replay must give the same report, byte for byte (but the timings).
   */
  @Test
  void impactOverStoredRequests_equalsImpactRunnerOverTheSameAccounts() throws Exception {
    Suite generated = load(FILES.book("perps-book.yaml")).withGenerated(300);
    MarketSnapshot market = generated.baseMarket();
    List<Account> accounts = new ArrayList<>();
    List<MarginRequest> requests = new ArrayList<>();
    for (int i = 0; i < generated.book().size(); i++) {
      Account a = generated.book().account(i);
      accounts.add(a);
      requests.add(new MarginRequest(a, market));
    }
    Suite asBook =
        new Suite(
            generated.source(),
            "stored",
            "",
            Optional.empty(),
            List.of(),
            market,
            List.of(new MarketState("stored requests", "", null, "")),
            accounts,
            Optional.empty(),
            List.of());
    CompiledPolicy v1 = policy("tiered-perps@1");
    CompiledPolicy v3 = policy("tiered-perps@3");

    ImpactResult cli = new ImpactRunner(2, 100).run(asBook, v1, v3, Progress.silent());
    ImpactResult replay =
        RequestImpact.run(
            "stored", "stored requests", requests, v1, v3, NO_DATA, 2, 100, Progress.silent());

    assertThat(cli.changes()).isNotEmpty();
    assertThat(cli.statusChanges() + cli.changedAccounts()).isPositive();
    assertThat(withoutTimings(ImpactReports.json(replay, 100)))
        .isEqualTo(withoutTimings(ImpactReports.json(cli, 100)));
    assertThat(replay.changes().stream().map(CellImpact::accountId).toList())
        .isEqualTo(cli.changes().stream().map(CellImpact::accountId).toList());
  }

  @Test
  void regression_countsAreTheRunnersAndTheJunitXmlIsTheClis() throws Exception {
    Suite suite = load(FILES.suite("tiered-perps.yaml"));
    CompiledPolicy v4 = policy("tiered-perps@4");
    RegressionResult cli = new RegressionRunner(2).run(suite, v4, Progress.silent());

    EvidenceRuns.Outcome stored =
        EvidenceRuns.regression(List.of(new RegressionRunner(2).run(suite, v4, Progress.silent())));
    JsonNode result = Json.mapper().readTree(stored.resultJson());

    assertThat(result.get("checks").asLong()).isEqualTo(cli.checks());
    assertThat(result.get("failures").asLong()).isEqualTo(cli.failures().size());
    assertThat(result.get("skippedExpectations").asLong()).isEqualTo(cli.skippedExpectations());
    assertThat(result.get("uncheckedCases").asLong()).isEqualTo(cli.uncheckedCases());
    assertThat(result.get("cases").asLong()).isEqualTo(cli.cases().size());
    assertThat(stored.outcome()).isEqualTo(cli.passed() ? "PASSED" : "FAILED");
    // The JUnit XML differs only in its time attribute.
    assertThat(stored.reportText().replaceAll("time=\"[0-9.]+\"", "time=\"\""))
        .isEqualTo(JunitXml.of(cli).replaceAll("time=\"[0-9.]+\"", "time=\"\""));
  }

  @Test
  void aCancelStopsTheRunAtTheNextBlock() {
    Suite book = load(FILES.book("perps-book.yaml")).withGenerated(3000);
    AtomicLong seen = new AtomicLong();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new ImpactRunner(2, 10)
                    .run(
                        book,
                        policy("tiered-perps@1"),
                        policy("tiered-perps@2"),
                        Progress.listening(
                            done -> {
                              seen.set(done);
                              throw new CancellationException("cancelled");
                            })))
        .isInstanceOf(CancellationException.class);
    // One block of 1,024 accounts x 5 market states was decided, not the 3,000 accounts.
    assertThat(seen.get()).isEqualTo(1024L * 5);
  }
}

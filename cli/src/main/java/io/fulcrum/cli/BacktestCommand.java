package io.fulcrum.cli;

import io.fulcrum.backtest.BacktestReport;
import io.fulcrum.engine.backtest.Backtest;
import io.fulcrum.engine.backtest.BacktestPortfolio;
import io.fulcrum.engine.backtest.BacktestResult;
import io.fulcrum.engine.backtest.DataStamp;
import io.fulcrum.engine.backtest.MarginModel;
import io.fulcrum.engine.backtest.PricePanel;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.market.MarketDataSet;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fulcrum backtest (--policy ID@V | --model MEASURE --param k=v...) --data SET --portfolio
 * FILE [--from D] [--to D] [--mpor H] [--out DIR]}: margin from the data up to each day against the
 * realised H-day loss; writes backtest.json and backtest.html under --out and prints the summary
 * and tests as JSON. Exit 0, or 2 for bad input.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description =
        "Backtest a margin on real price history: breaches, coverage tests, procyclicality.")
public final class BacktestCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;
  @Mixin private LibraryOption library;
  @Mixin private MarketDataOption data;
  @Mixin private ModelOption model;
  @Mixin private BacktestWindowOption window;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Report directory (default: ./fulcrum-reports/backtest).")
  private Path out;

  @Override
  public Integer call() throws Exception {
    try {
      MarketDataSet set = data.load();
      BacktestPortfolio book = window.portfolio();
      MarginModel m = model.build(model.parameters(), library, book.currency());
      PricePanel panel = PricePanel.of(set, book.assets());
      long start = System.nanoTime();
      BacktestResult result =
          Backtest.run(
              panel, DataStamp.of(set, panel.notes()), window.spec(book, m, model.confidence(m)));
      double seconds = (System.nanoTime() - start) / 1e9;
      var files =
          BacktestReport.write(result, model.policy, ReportFolder.orDefault(out, "backtest"));
      Map<String, Object> printed = new LinkedHashMap<>();
      printed.put("data", Map.of("name", set.name(), "version", set.version(), "hash", set.hash()));
      printed.put("model", result.model());
      printed.put("summary", BacktestReport.summary(result));
      printed.put("tests", result.tests());
      printed.put("procyclicality", result.procyclicality());
      printed.put("seconds", seconds);
      printed.put("reports", files.stream().map(Path::toString).toList());
      spec.commandLine().getOut().println(Json.report().writeValueAsString(printed));
      spec.commandLine().getOut().flush();
      return FulcrumCli.OK;
    } catch (IllegalArgumentException | io.fulcrum.engine.policy.PolicyNotFound e) {
      spec.commandLine().getErr().println("fulcrum backtest: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return FulcrumCli.BAD_INPUT;
    }
  }
}

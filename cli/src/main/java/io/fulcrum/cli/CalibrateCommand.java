package io.fulcrum.cli;

import io.fulcrum.backtest.CalibrationHtml;
import io.fulcrum.engine.backtest.BacktestPortfolio;
import io.fulcrum.engine.backtest.BacktestSpec;
import io.fulcrum.engine.backtest.DataStamp;
import io.fulcrum.engine.backtest.PricePanel;
import io.fulcrum.engine.calibration.Calibration;
import io.fulcrum.engine.calibration.CalibrationSpec;
import io.fulcrum.engine.calibration.DraftPolicyWriter;
import io.fulcrum.engine.calibration.MeasureModelFactory;
import io.fulcrum.engine.calibration.ModelFactory;
import io.fulcrum.engine.calibration.Objective;
import io.fulcrum.engine.calibration.ParameterRange;
import io.fulcrum.engine.calibration.PolicyModelFactory;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.market.MarketDataSet;
import io.fulcrum.engine.measure.RiskMeasures;
import io.fulcrum.engine.policy.PolicyBundle;
import io.fulcrum.engine.policy.PolicyCompiler;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.scenarios.run.Progress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fulcrum calibrate (--policy ID@V | --model MEASURE) --data SET --portfolio FILE
 * --target-coverage 0.99 --vary name=range [...] --objective min-average-margin|min-procyclicality
 * [--out DIR] [--draft-dir DIR]}: backtests every candidate, prints and writes calibration.json
 * (candidates, frontier, winner, the bounds that held) and calibration.html (frontier plot) under
 * --out (default ./fulcrum-reports/calibrate); a progress bar on a terminal. With --policy each
 * candidate is the bundle with manifest values changed ({@code <parameter>} or {@code
 * measures.<name>.<setting>}), compiled in memory and backtested as a {@link
 * io.fulcrum.engine.backtest.PolicyMarginModel}; the winner is written as a new DRAFT bundle
 * version with the report as evidence under --draft-dir (default DIR/draft/, so never into the
 * library unless that is given explicitly); nothing is activated. Exit 0 (1 when no candidate
 * passes), 2 for bad input.
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = "Search margin parameters for the best objective that meets a coverage target.")
public final class CalibrateCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;
  @Mixin private LibraryOption library;
  @Mixin private MarketDataOption data;
  @Mixin private ModelOption model;
  @Mixin private BacktestWindowOption window;

  @Option(
      names = "--target-coverage",
      defaultValue = "0.99",
      paramLabel = "C",
      description =
          "Share of days the margin must cover the realised loss, in (0,1); also the confidence"
              + " of the Kupiec test and traffic light (default ${DEFAULT-VALUE}).")
  private double target;

  @Option(
      names = "--vary",
      required = true,
      paramLabel = "name=range",
      description =
          "name=from:to:step, name=v1,v2,... or name=from..to (Brent search); repeatable. With"
              + " --policy a name is a manifest parameter or measures.<name>.<setting>; values"
              + " outside the manifest's bounds are backtested but never proposed.")
  private List<String> vary;

  @Option(
      names = "--objective",
      defaultValue = "min-average-margin",
      paramLabel = "OBJECTIVE",
      description =
          "What the winner minimises among passing candidates: min-average-margin or"
              + " min-procyclicality (default ${DEFAULT-VALUE}).")
  private String objective;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Report directory: calibration.json and calibration.html (default:"
              + " ./fulcrum-reports/calibrate).")
  private Path out;

  @Option(
      names = "--draft-dir",
      paramLabel = "DIR",
      description =
          "With --policy: where the winner's DRAFT bundle goes (<DIR>/<id>/<next version>/). "
              + "Default: <out>/draft. Give the library directory only to put the draft there on purpose.")
  private Path draftDir;

  @Option(
      names = "--no-progress",
      description = "Never draw a progress bar (it is drawn only on a terminal anyway).")
  private boolean noProgress;

  @Override
  public Integer call() throws Exception {
    try {
      Path out = ReportFolder.orDefault(this.out, "calibrate");
      MarketDataSet set = data.load();
      BacktestPortfolio book = window.portfolio();
      ModelFactory factory = factory(book.currency());
      List<ParameterRange> ranges = vary.stream().map(ParameterRange::parse).toList();
      Map<String, String> fixed = model.parameters();
      PricePanel panel = PricePanel.of(set, book.assets());
      BacktestSpec base = window.spec(book, factory.create(fixed), target);
      CalibrationSpec calibration =
          new CalibrationSpec(base, target, ranges, fixed, Objective.parse(objective));
      Calibration.Result result;
      try (Progress progress =
          noProgress
              ? Progress.silent()
              : Progress.on(System.err, "calibrate", Calibration.plannedBacktests(calibration))) {
        result =
            Calibration.run(
                panel,
                DataStamp.of(set, panel.notes()),
                factory,
                calibration,
                c -> progress.advance(1));
      }
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("data", DataStamp.of(set, panel.notes()));
      report.put("policy", model.policy);
      report.put("portfolio", book);
      report.put("targetCoverage", target);
      report.put("objective", objective);
      report.put("fixed", fixed);
      report.put("vary", vary);
      report.put("bounds", factory.bounds());
      report.put("boundsHeld", result.boundsHeld());
      report.put("backtests", result.backtests());
      report.put("seconds", result.seconds());
      report.put("winner", result.winner().orElse(null));
      report.put("frontier", result.frontier());
      report.put("candidates", result.candidates());
      String json = Json.report().writeValueAsString(report);
      Files.createDirectories(out);
      Path jsonFile = out.resolve("calibration.json");
      Files.writeString(jsonFile, json, StandardCharsets.UTF_8);
      List<String> notes = List.of();
      if (result.winner().isPresent() && model.policy != null) {
        if (!(library.library() instanceof PolicyLibrary directory)) {
          throw new IllegalArgumentException(
              "--rules " + library.spec() + ": a draft is written from a policy library directory");
        }
        DraftPolicyWriter.Draft draft =
            DraftPolicyWriter.writeDraft(
                directory,
                PolicyRef.parse(model.policy),
                result.winner().get().parameters(),
                json,
                draftDir == null ? out.resolve("draft") : draftDir);
        report.put("draft", draft.directory().toString());
        report.put("draftNotes", draft.notes());
        notes = draft.notes();
      }
      Path htmlFile = out.resolve("calibration.html");
      Files.writeString(
          htmlFile,
          CalibrationHtml.render(
              result, model.policy != null ? model.policy : model.model, book.currency(), notes),
          StandardCharsets.UTF_8);
      report.put("reports", List.of(jsonFile.toString(), htmlFile.toString()));
      Map<String, Object> printed = new LinkedHashMap<>(report);
      printed.remove("candidates");
      spec.commandLine().getOut().println(Json.report().writeValueAsString(printed));
      spec.commandLine().getOut().flush();
      result
          .boundsHeld()
          .forEach(
              b ->
                  spec.commandLine()
                      .getErr()
                      .println("fulcrum calibrate: bound held: " + b.statement()));
      spec.commandLine().getErr().flush();
      return result.winner().isPresent() ? FulcrumCli.OK : FulcrumCli.FAILED;
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("fulcrum calibrate: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return FulcrumCli.BAD_INPUT;
    }
  }

  private ModelFactory factory(String currency) {
    if (model.policy != null) {
      if (model.model != null) {
        throw new IllegalArgumentException("give --policy or --model, not both");
      }
      PolicyBundle bundle = library.library().load(PolicyRef.parse(model.policy));
      return new PolicyModelFactory(
          bundle, new PolicyCompiler(RiskMeasures.load()), currency, model.historyDays);
    }
    if (model.model == null) {
      throw new IllegalArgumentException("give --policy <id>@<version> or --model <measure>");
    }
    return new MeasureModelFactory(RiskMeasures.load());
  }
}

package io.fulcrum.cli;

import io.fulcrum.engine.backtest.Christoffersen;
import io.fulcrum.engine.backtest.CoverageReport;
import io.fulcrum.engine.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fulcrum coverage-test --observations N --breaches X --confidence A [--breach-days
 * d1,d2,...]}: Kupiec POF, the Basel traffic light and, when the breach days (1-based day numbers)
 * are given, Christoffersen independence and conditional coverage, as JSON. Exit 0, or 2 for bad
 * input.
 */
@Command(
    name = "coverage-test",
    mixinStandardHelpOptions = true,
    description =
        "Coverage tests (Kupiec, Christoffersen, traffic light) for a model run elsewhere.")
public final class CoverageTestCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--observations", required = true, paramLabel = "N", description = "Days tested.")
  private int observations;

  @Option(
      names = "--breaches",
      required = true,
      paramLabel = "X",
      description = "Days with a loss above the margin.")
  private int breaches;

  @Option(
      names = "--confidence",
      required = true,
      paramLabel = "A",
      description = "Coverage level the margin claims, e.g. 0.99.")
  private double confidence;

  @Option(
      names = "--breach-days",
      split = ",",
      paramLabel = "d1,d2,...",
      description = "Day numbers (1..N) of the breaches; enables the Christoffersen tests.")
  private List<Integer> breachDays;

  @Override
  public Integer call() throws Exception {
    try {
      spec.commandLine().getOut().println(Json.report().writeValueAsString(report()));
      spec.commandLine().getOut().flush();
      return FulcrumCli.OK;
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("fulcrum coverage-test: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return FulcrumCli.BAD_INPUT;
    }
  }

  Map<String, Object> report() {
    Map<String, Object> out = new LinkedHashMap<>();
    if (breachDays == null) {
      out.put("coverage", CoverageReport.ofCounts(observations, breaches, confidence));
      out.put("note", "Christoffersen tests need --breach-days");
      return out;
    }
    if (breachDays.size() != breaches) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "--breach-days lists %d days but --breaches is %d",
              breachDays.size(),
              breaches));
    }
    if (observations < 2) {
      throw new IllegalArgumentException("observations must be >= 2 but was " + observations);
    }
    boolean[] sequence = new boolean[observations];
    List<Integer> seen = new ArrayList<>();
    for (int d : breachDays) {
      if (d < 1 || d > observations) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "--breach-days must be day numbers in [1, %d] but had %d",
                observations,
                d));
      }
      if (sequence[d - 1]) {
        throw new IllegalArgumentException("--breach-days lists day " + d + " twice");
      }
      sequence[d - 1] = true;
      seen.add(d);
    }
    out.put("coverage", CoverageReport.of(sequence, confidence));
    out.put("transitions", Christoffersen.Transitions.of(sequence));
    return out;
  }
}

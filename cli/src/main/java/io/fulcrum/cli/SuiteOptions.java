package io.fulcrum.cli;

import io.fulcrum.scenarios.run.ParallelGrid;
import io.fulcrum.scenarios.stress.StressLibrary;
import io.fulcrum.scenarios.suite.Suite;
import io.fulcrum.scenarios.suite.SuiteLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Options shared by the suite runners: suite file, stress library, generated count, threads,
 * output.
 */
public final class SuiteOptions {

  @Option(
      names = "--suite",
      required = true,
      paramLabel = "FILE",
      description = "Suite file (YAML or JSON).")
  Path suite;

  @Option(
      names = "--stress-dir",
      paramLabel = "DIR",
      description = "Stress scenario library. Default: $FULCRUM_HOME/test-scenarios/stress.")
  Path stressDir;

  @Option(
      names = "--generate",
      paramLabel = "N",
      description =
          "Generate N accounts with the suite's 'generate' section (overrides its count).")
  Integer generate;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Directory for reports (default: ./fulcrum-reports/<command>).")
  Path out;

  @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
  picocli.CommandLine.Model.CommandSpec mixee;

  @Option(names = "--no-progress", description = "Never draw a progress bar.")
  boolean noProgress;

  StressLibrary stressLibrary() {
    Path dir = stressDir;
    if (dir == null) {
      String home = System.getenv("FULCRUM_HOME");
      dir =
          home == null
              ? Path.of("test-scenarios", "stress")
              : Path.of(home, "test-scenarios", "stress");
    }
    return Files.isDirectory(dir) || stressDir != null
        ? StressLibrary.at(dir)
        : StressLibrary.empty();
  }

  Suite load(StressLibrary library) {
    Suite loaded = new SuiteLoader(library.resolver()).load(suite);
    return generate == null ? loaded : loaded.withGenerated(generate);
  }

  int threads() {
    return threads == null ? ParallelGrid.defaultThreads() : threads;
  }

  /** Writes {@code text} to {@code out/name}, creating the directory; returns the path written. */
  Path write(String name, String text) {
    Path out = ReportFolder.orDefault(this.out, mixee.name());
    try {
      Files.createDirectories(out);
      Path file = out.resolve(name);
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report " + out.resolve(name), e);
    }
  }

  static String fileSafe(String text) {
    return text.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}

package io.fulcrum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code fulcrum validate}: every shipped bundle passes every check; a bundle in the wrong
 * directory, or with a broken scenario, is refused with file:line and exit 3; a calibration draft's
 * evidence is kept, not run.
 */
class ValidateCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int validate(Path bundle) {
    CommandLine cli = FulcrumCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute("validate", bundle.toString());
  }

  /** Copies shipped bundle {@code id/version} to {@code <dir>/<id>/<as>}. */
  private Path copy(String id, String version, String as) {
    Path from = Path.of("../rules", id, version);
    Path to = dir.resolve(id).resolve(as);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return to;
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"tiered-perps/1", "tiered-perps/2", "risk-based-im/1", "collateral-health/1"})
  void everyShippedBundle_isValid(String bundle) {
    assertThat(validate(Path.of("../rules", bundle))).as(err.toString()).isZero();
    assertThat(out.toString())
        .startsWith("valid: " + bundle.replace('/', '@') + " sha256 ")
        .contains("checks: location, compile, tables ", ", scenarios ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"linear-flat/1", "oi-scaled-perps/1"})
  void theLiquidationConventionBundles_areValid_includingTheirSmokeRequests(String bundle) {
    assertThat(validate(Path.of("../rules", bundle))).as(err.toString()).isZero();
    assertThat(out.toString())
        .startsWith("valid: " + bundle.replace('/', '@') + " sha256 ")
        .contains("checks: location, compile, ")
        .contains("smoke smoke-");
  }

  @Test
  void aManifestVersionOtherThanItsDirectory_isRefused() {
    Path bundle = copy("tiered-perps", "2", "3");
    assertThat(validate(bundle)).isEqualTo(3);
    assertThat(err.toString())
        .contains(
            "invalid: tiered-perps@2\n"
                + "  manifest.yaml:2: manifest says tiered-perps@2 but the bundle lies in"
                + " tiered-perps/3 (policies and decide refuse it)\n");
  }

  @Test
  void aDraftWithEvidence_validates_andTheEvidenceIsNotRun() throws IOException {
    Path bundle = copy("risk-based-im", "1", "2");
    Path manifest = bundle.resolve("manifest.yaml");
    edit(manifest, "version: \"1\"", "version: \"2\"");
    edit(
        manifest,
        "tests:\n  - concentration.scesim",
        "scenarios:\n  - concentration.scesim\nevidence:\n  - evidence/calibration-report.json");
    Files.createDirectories(bundle.resolve("evidence"));
    Files.writeString(
        bundle.resolve("evidence/calibration-report.json"),
        "{\"winner\": {\"apcBufferRate\": 0.25}, \"coverage\": 0.99}");
    assertThat(validate(bundle)).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(
            "checks: location, compile, tables concentration.dmn, scenarios concentration.scesim\n");
  }

  @Test
  void aFailingSmokeRequest_isRefusedWithItsFile() throws IOException {
    Path bundle = copy("tiered-perps", "2", "2");
    edit(
        bundle.resolve("manifest.yaml"),
        "tests:\n  - brackets.scesim",
        "scenarios:\n  - brackets.scesim\nsmoke:\n  - eth.json");
    // A symbol the brackets do not cover: the smoke decision fails.
    Files.writeString(
        bundle.resolve("eth.json"),
        Files.readString(Path.of("../examples/btc-isolated-long.json"))
            .replace("BTCUSDT", "ETHUSDT"));
    assertThat(validate(bundle)).isEqualTo(3);
    assertThat(err.toString()).contains("invalid: tiered-perps@2\n  eth.json: evaluation failed: ");
  }
}

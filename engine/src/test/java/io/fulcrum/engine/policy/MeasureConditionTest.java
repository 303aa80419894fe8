package io.fulcrum.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.measure.RiskMeasures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The {@code when} condition of a manifest measure binding, evaluated once at compile time. */
class MeasureConditionTest {

  private static final Path GOOD = PolicyCompilerTest.BUNDLES.resolve("unknown-measure/1");

  /** The unknown-measure test bundle with a valid measure bound under {@code when}. */
  private static PolicyBundle bundle(String when) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    for (String f : List.of("rate.dmn", "flat.drl")) {
      files.put(f, Files.readAllBytes(GOOD.resolve(f)));
    }
    String manifest =
        Files.readString(GOOD.resolve("manifest.yaml"))
            .replace("gross-notionall", "gross-notional")
            .replace(
                "  liquidationMarginRatio: 1",
                "  liquidationMarginRatio: 1\n  method: buffer\n  rate: 0.25")
            .replace("      scale: \"0.1\"", "      scale: \"0.1\"\n    when:\n" + when);
    files.put(PolicyBundle.MANIFEST, manifest.getBytes(StandardCharsets.UTF_8));
    return BundleReader.fromFiles("test", files);
  }

  private static CompiledPolicy compile(String when) throws IOException {
    return new PolicyCompiler(RiskMeasures.load()).compile(bundle(when));
  }

  @Test
  void aMeasureWhoseConditionHolds_isComputed() throws IOException {
    CompiledPolicy p = compile("      method: buffer\n      rate: 0.250\n");
    assertThat(p.measures()).extracting(CompiledPolicy.BoundMeasure::name).containsExactly("gross");
  }

  @Test
  void aMeasureWhoseConditionFails_isBoundButNeverComputed() throws IOException {
    CompiledPolicy p = compile("      method: stressed-floor\n");
    assertThat(p.measures()).isEmpty();
    assertThat(p.allMeasures()).singleElement().satisfies(m -> assertThat(m.active()).isFalse());
  }

  @Test
  void aListMeansAnyOfItsValues() throws IOException {
    assertThat(compile("      method: [stressed-floor, buffer]\n").measures()).hasSize(1);
    assertThat(compile("      rate: [0.1, 0.2]\n").measures()).isEmpty();
  }

  @Test
  void aConditionOnAnUndefinedParameter_isACompilationError() {
    assertThatThrownBy(() -> compile("      methd: buffer\n"))
        .isInstanceOf(PolicyCompilationFailed.class)
        .hasMessageContaining("measure 'gross'")
        .hasMessageContaining("'methd', which the manifest's parameters do not define");
  }
}

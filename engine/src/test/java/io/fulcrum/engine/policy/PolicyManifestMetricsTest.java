package io.fulcrum.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The metrics: key of a manifest: how figures read in the text, and the deciding measure. */
class PolicyManifestMetricsTest {

  // Line numbers: "metrics:" is line 8, the first metric line 9.
  static final String HEAD =
      """
      id: p
      version: "1"
      title: t
      owner: o
      parameters:
        callRatio: 0.8
        mode: fast
      metrics:
      %s
      rules:
        - r.drl
      """;

  static PolicyManifest parse(String metrics) {
    Map<String, byte[]> files = new TreeMap<>();
    files.put(
        "manifest.yaml",
        String.format(HEAD, metrics.indent(2).stripTrailing()).getBytes(StandardCharsets.UTF_8));
    files.put("r.drl", "package p;\n".getBytes(StandardCharsets.UTF_8));
    return BundleReader.fromFiles("test", files).manifest();
  }

  @Test
  void aDeclaration_isReadWithItsThresholds() {
    PolicyManifest m =
        parse(
            """
            marginRatio: {display: margin ratio, unit: "%", scale: 2, marginCall: callRatio, breach: at-or-above}
            leverage: {display: leverage, unit: x, scale: 1}""");
    assertThat(m.metrics()).containsKeys("marginRatio", "leverage");
    assertThat(m.decidingMetric()).map(Map.Entry::getKey).contains("marginRatio");
    assertThat(m.metrics().get("leverage").decides()).isFalse();
  }

  @Test
  void aThresholdThatIsNoNumericParameter_isReportedAtTheMetricsLine() {
    assertThatThrownBy(
            () ->
                parse(
                    "healthFactor: {display: health factor, scale: 4, liquidation: mode,"
                        + " breach: below}"))
        .isInstanceOf(PolicyCompilationFailed.class)
        .hasMessageContaining(
            "manifest.yaml:9: metrics.healthFactor: threshold parameter 'mode' is not a numeric"
                + " parameter of this manifest");
  }

  @Test
  void aScaleOutOfRange_isReportedAtTheMetricsLine() {
    assertThatThrownBy(
            () ->
                parse(
                    "leverage: {display: leverage, unit: x, scale: 1}\nratio: {display: r, scale: 9}"))
        .hasMessageContaining("manifest.yaml:10:")
        .hasMessageContaining("scale must be in [0, 8] but was 9");
  }

  @Test
  void thresholdsWithoutADirection_andTwoDecidingMetrics_areRefused() {
    assertThatThrownBy(() -> parse("r: {display: r, scale: 2, marginCall: callRatio}"))
        .hasMessageContaining("manifest.yaml:9:")
        .hasMessageContaining("needs breach: at-or-above or breach: below");
    assertThatThrownBy(
            () ->
                parse(
                    "a: {display: a, scale: 2, marginCall: callRatio, breach: below}\n"
                        + "b: {display: b, scale: 2, marginCall: callRatio, breach: below}"))
        .hasMessageContaining("only one metric may name status thresholds");
    assertThatThrownBy(() -> parse("r: {scale: 2}"))
        .hasMessageContaining("manifest.yaml:9:")
        .hasMessageContaining("needs its display name");
  }

  @Test
  void shippedVersions_declareTheMeasureTheyDecideBy() {
    PolicyLibrary rules = PolicyLibrary.at(Path.of("..", "rules"));
    assertThat(rules.load(PolicyRef.parse("tiered-perps@4")).manifest().decidingMetric())
        .map(Map.Entry::getKey)
        .contains("marginRatio");
    assertThat(rules.load(PolicyRef.parse("collateral-health@2")).manifest().decidingMetric())
        .map(Map.Entry::getKey)
        .contains("healthFactor");
    assertThat(rules.load(PolicyRef.parse("tiered-perps@3")).manifest().metrics()).isEmpty();
  }
}

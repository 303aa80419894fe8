package io.fulcrum.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The bounds: key of a manifest (contract 2 of issue #11). */
class PolicyManifestBoundsTest {

  static final String HEAD =
      """
      id: p
      version: "1"
      title: t
      owner: o
      parameters:
        apcBufferRate: %s
      measures:
        - name: fhsEs
          measure: fhs-portfolio-es
          settings:
            lambda: 0.94
      rules:
        - r.drl
      bounds:
      %s
      """;

  static PolicyManifest parse(String value, String bounds) {
    Map<String, byte[]> files = new TreeMap<>();
    files.put(
        "manifest.yaml",
        String.format(HEAD, value, bounds.indent(2).stripTrailing())
            .getBytes(StandardCharsets.UTF_8));
    files.put("r.drl", "package p;\n".getBytes(StandardCharsets.UTF_8));
    return BundleReader.fromFiles("test", files).manifest();
  }

  @Test
  void riskBasedIm2_declaresTheEmirFloorOnTheBuffer() {
    PolicyManifest m =
        PolicyLibrary.at(Path.of("..", "rules"))
            .load(PolicyRef.parse("risk-based-im@2"))
            .manifest();
    PolicyManifest.Bound b = m.bounds().get("apcBufferRate");
    assertThat(b.floor()).isEqualByComparingTo("0.25");
    assertThat(b.citation()).isEqualTo("EMIR RTS 153/2013 art. 28(1)(a)");
    assertThat(b.lowerText()).isEqualTo("floor 0.25 (EMIR RTS 153/2013 art. 28(1)(a))");
    assertThat(m.bounds()).containsKeys("measures.fhsEs.lambda", "maintenanceFraction");
    assertThat(m.parameters().get("apcBufferRate")).isEqualTo(new BigDecimal("0.25"));
  }

  @Test
  void aValueBelowItsOwnFloor_isAManifestErrorNamingTheParameter() {
    assertThatThrownBy(
            () ->
                parse(
                    "0.1",
                    "apcBufferRate: {floor: 0.25, citation: \"EMIR RTS 153/2013 art. 28(1)(a)\"}"))
        .isInstanceOf(PolicyCompilationFailed.class)
        .hasMessageContaining(
            "bounds.apcBufferRate: apcBufferRate = 0.1 is below its floor 0.25 (EMIR RTS 153/2013"
                + " art. 28(1)(a))");
  }

  @Test
  void aBoundProblem_isReportedAtTheBoundsLine() {
    // HEAD's bounds start on line 14, so the bound is on line 15 (not the file's last line).
    assertThatThrownBy(() -> parse("0.1", "apcBufferRate: {min: 0.2}"))
        .hasMessageContaining("manifest.yaml:15: bounds.apcBufferRate: apcBufferRate = 0.1");
  }

  @Test
  void measureSettings_areBoundedByTheirPath() {
    assertThat(parse("0.25", "measures.fhsEs.lambda: {min: 0.9, max: 0.995}").bounds())
        .containsKey("measures.fhsEs.lambda");
    assertThatThrownBy(() -> parse("0.25", "measures.fhsEs.lambda: {min: 0.95}"))
        .hasMessageContaining("measures.fhsEs.lambda = 0.94 is below its min 0.95");
    assertThatThrownBy(() -> parse("0.25", "measures.fhsEs.alpha: {min: 0.95}"))
        .hasMessageContaining(
            "bounds.measures.fhsEs.alpha names no parameter and no measure setting the manifest"
                + " sets");
  }

  @Test
  void malformedBounds_areRefused() {
    assertThatThrownBy(() -> parse("0.25", "apcBufferRate: {floor: 0.25}"))
        .hasMessageContaining("a floor needs its citation");
    assertThatThrownBy(() -> parse("0.25", "apcBufferRate: {min: 0.5, max: 0.3}"))
        .hasMessageContaining("lower bound 0.5 is above max 0.3");
    assertThatThrownBy(() -> parse("0.25", "apcBufferRate: {min: 0.1, floor: 0.2, citation: x}"))
        .hasMessageContaining("a bound has min or floor (a cited min), not both");
    assertThatThrownBy(() -> parse("0.25", "apcBuffer: {max: 1}"))
        .hasMessageContaining("bounds.apcBuffer names no parameter");
    assertThatThrownBy(() -> parse("0.25", "apcBufferRate: {maximum: 1}"))
        .hasMessageContaining(
            "a bound needs min, max or floor (its keys: min, max, floor, citation)");
  }
}

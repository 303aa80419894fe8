package io.fulcrum.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.liquidation.LiquidationConvention;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The manifest key {@code liquidation: {convention: ...}}. */
class LiquidationManifestTest {

  private static final String MANIFEST =
      """
      id: demo
      version: "1"
      title: Demo
      owner: tests
      rules:
        - a.drl
      """;

  private static PolicyBundle bundle(String extra) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("manifest.yaml", (MANIFEST + extra).getBytes(StandardCharsets.UTF_8));
    files.put("a.drl", "rule x\n".getBytes(StandardCharsets.UTF_8));
    return BundleReader.fromFiles("upload", files);
  }

  @Test
  void absentKey_meansMaintenanceAtLiquidation() {
    assertThat(bundle("").manifest().liquidation().convention())
        .isEqualTo(LiquidationConvention.MAINTENANCE_AT_LIQUIDATION);
    assertThat(bundle("liquidation: {}\n").manifest().liquidation().convention())
        .isEqualTo(LiquidationConvention.MAINTENANCE_AT_LIQUIDATION);
  }

  @Test
  void bothConventions_areRead() {
    assertThat(
            bundle("liquidation:\n  convention: maintenance-at-entry\n")
                .manifest()
                .liquidation()
                .convention())
        .isEqualTo(LiquidationConvention.MAINTENANCE_AT_ENTRY);
    assertThat(
            bundle("liquidation: {convention: maintenance-at-liquidation}\n")
                .manifest()
                .liquidation()
                .convention())
        .isEqualTo(LiquidationConvention.MAINTENANCE_AT_LIQUIDATION);
  }

  @Test
  void anUnknownConvention_isRefusedAtItsLine_namingTheAllowedOnes() {
    assertThatThrownBy(() -> bundle("liquidation:\n  convention: maintenance-at-mark\n"))
        .isInstanceOf(PolicyCompilationFailed.class)
        .hasMessageContaining("manifest.yaml:8")
        .hasMessageContaining(
            "liquidation.convention must be one of [maintenance-at-liquidation,"
                + " maintenance-at-entry] but was 'maintenance-at-mark'");
  }

  @Test
  void anUnknownKeyUnderLiquidation_isRefusedAtItsLine() {
    assertThatThrownBy(() -> bundle("liquidation:\n  convension: maintenance-at-entry\n"))
        .isInstanceOf(PolicyCompilationFailed.class)
        .hasMessageContaining("manifest.yaml:8")
        .hasMessageContaining("convension");
  }

  @Test
  void releasedBundles_keepTheirBytesAndTheDefaultConvention() {
    PolicyLibrary rules = PolicyLibrary.at(Path.of("../rules"));
    for (String ref : new String[] {"tiered-perps@1", "tiered-perps@2", "tiered-perps@3"}) {
      PolicyBundle b = rules.load(PolicyRef.parse(ref));
      assertThat(new String(b.files().get("manifest.yaml"), StandardCharsets.UTF_8))
          .as(ref)
          .doesNotContain("liquidation:");
      assertThat(b.manifest().liquidation().convention())
          .isEqualTo(LiquidationConvention.MAINTENANCE_AT_LIQUIDATION);
    }
    assertThat(rules.load(PolicyRef.parse("linear-flat@1")).manifest().liquidation().convention())
        .isEqualTo(LiquidationConvention.MAINTENANCE_AT_ENTRY);
  }
}

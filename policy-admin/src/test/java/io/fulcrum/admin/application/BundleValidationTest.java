package io.fulcrum.admin.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.measure.RiskMeasures;
import io.fulcrum.engine.policy.BundleReader;
import io.fulcrum.engine.policy.PolicyCompiler;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Upload validation runs behind the engine's walls, and its stored report never quotes what policy
 * code produced.
 */
class BundleValidationTest {

  private static final String OK_STATUS = "$a.setStatus(DecisionStatus.OK);";

  /** tiered-perps 2 with its OK rule's consequence replaced and a smoke request listed. */
  private static ValidationReport validateWithOkRule(String consequence, String limits) {
    Map<String, byte[]> files =
        new TreeMap<>(PolicyLibrary.shipped().load(PolicyRef.parse("tiered-perps@2")).files());
    String drl = text(files.get("margin.drl"));
    assertThat(drl).contains(OK_STATUS);
    files.put("margin.drl", bytes(drl.replace(OK_STATUS, consequence)));
    files.put(
        "manifest.yaml",
        bytes(
            text(files.get("manifest.yaml"))
                    .replace("  - brackets.scesim", "  - brackets.scesim\n  - smoke.json")
                + limits));
    files.put("smoke.json", request());
    return BundleValidation.validate(
        new PolicyCompiler(RiskMeasures.load()),
        BundleReader.fromFiles("upload", files),
        Instant.EPOCH);
  }

  @Test
  void aRuleThrowing_isReportedByNameFileAndLine_neverWithItsMessage() {
    ValidationReport report =
        validateWithOkRule("throw new IllegalStateException(\"SECRET \" + $a.getAccountId());", "");
    int ruleLine = lineOf("rule \"OK below the call ratio\"");
    assertThat(report.passed()).isFalse();
    assertThat(report.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("smoke.json");
              assertThat(p.message())
                  .contains(
                      "rule \"OK below the call ratio\" (margin.drl:"
                          + ruleLine
                          + ") failed with java.lang.IllegalStateException")
                  .doesNotContain("SECRET");
            });
  }

  @Test
  void aRuleReFiringItselfForever_failsValidationAtTheFiringLimit() {
    ValidationReport report =
        validateWithOkRule(
            "update($a);", "limits:\n  maxRuleFirings: 500\n  timeBudgetMillis: 5000\n");
    assertThat(report.passed()).isFalse();
    assertThat(report.problems())
        .singleElement()
        .satisfies(
            p -> assertThat(p.message()).contains("exceeded its rule firing limit: more than 500"));
  }

  @Test
  void aConsequenceExitingTheJvm_isRefusedAtCompileWithFileAndLine() {
    ValidationReport report = validateWithOkRule("System.exit(1);", "");
    assertThat(report.passed()).isFalse();
    assertThat(report.checks()).containsExactly("compile");
    assertThat(report.problems())
        .extracting(p -> p.toString())
        .containsExactly(
            "margin.drl:"
                + lineOf(OK_STATUS)
                + ": System is not allowed in policy code (not a variable or allowed type)");
  }

  private static int lineOf(String text) {
    List<String> lines =
        text(PolicyLibrary.shipped()
                .load(PolicyRef.parse("tiered-perps@2"))
                .files()
                .get("margin.drl"))
            .lines()
            .toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line with " + text);
  }

  private static byte[] request() {
    try (InputStream in =
        BundleValidationTest.class.getResourceAsStream("/requests/btc-isolated-long.json")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

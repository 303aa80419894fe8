package io.fulcrum.admin.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.measure.RiskMeasures;
import io.fulcrum.engine.policy.BundleReader;
import io.fulcrum.engine.policy.CompilationProblem;
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
  private static final PolicyCompiler COMPILER = new PolicyCompiler(RiskMeasures.load());

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
    return validate(files, "");
  }

  private static ValidationReport validate(Map<String, byte[]> files, String folder) {
    return BundleValidation.validate(
        COMPILER,
        MarketDataSets.none(),
        BundleReader.fromFiles("upload", files),
        PolicyGovernance.location(
            text(files.get("manifest.yaml")).lines().findFirst().orElseThrow().substring(4),
            folder),
        Instant.EPOCH);
  }

  private static Map<String, byte[]> shipped(String ref) {
    return new TreeMap<>(PolicyLibrary.shipped().load(PolicyRef.parse(ref)).files());
  }

  /** Replaces the one occurrence of {@code from} in {@code file}. */
  private static void edit(Map<String, byte[]> files, String file, String from, String to) {
    String t = text(files.get(file));
    assertThat(t.split(java.util.regex.Pattern.quote(from), -1)).hasSize(2);
    files.put(file, bytes(t.replace(from, to)));
  }

  private static int line(Map<String, byte[]> files, String file, String text) {
    List<String> lines = text(files.get(file)).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line with " + text);
  }

  @Test
  void aCalibrationDraftWithEvidence_validates_andItsEvidenceIsNeverRun() {
    Map<String, byte[]> files = shipped("risk-based-im@1");
    edit(files, "manifest.yaml", "version: \"1\"", "version: \"2\"");
    edit(
        files,
        "manifest.yaml",
        "tests:\n  - concentration.scesim",
        "scenarios:\n  - concentration.scesim\nevidence:\n  - evidence/calibration-report.json");
    files.put("evidence/calibration-report.json", bytes("{\"winner\": {\"apcBufferRate\": 0.3}}"));
    ValidationReport report = validate(files, "risk-based-im/2");
    assertThat(report.problems()).isEmpty();
    assertThat(report.passed()).isTrue();
    assertThat(report.checks())
        .containsExactly(
            "location", "compile", "tables concentration.dmn", "scenarios concentration.scesim");
  }

  @Test
  void theBundlesScenarios_runInTheService_andAFailureIsReportedAtItsScenario() {
    Map<String, byte[]> files = shipped("tiered-perps@2");
    String scesim = text(files.get("brackets.scesim"));
    String expected = "<rawValue class=\"string\">1925</rawValue>";
    int at = scesim.indexOf(expected);
    files.put(
        "brackets.scesim",
        bytes(
            scesim.substring(0, at)
                + "<rawValue class=\"string\">1900</rawValue>"
                + scesim.substring(at + expected.length())));
    ValidationReport report = validate(files, "");
    assertThat(report.passed()).isFalse();
    assertThat(report.problems())
        .extracting(CompilationProblem::toString)
        .singleElement()
        .asString()
        .startsWith("brackets.scesim:")
        .contains(
            "failed: Failed in \"Maintenance bracket.maintenanceAmount\": The expected value is"
                + " \"1900\" but the actual one is \"1925\"");
  }

  @Test
  void aBracketGap_isRefusedAtTheTable() {
    Map<String, byte[]> files = shipped("tiered-perps@2");
    edit(files, "brackets.dmn", "[250000..1000000)", "[260000..1000000)");
    ValidationReport report = validate(files, "");
    assertThat(report.problems())
        .extracting(CompilationProblem::toString)
        .containsExactly(
            "brackets.dmn:"
                + line(files, "brackets.dmn", "<decisionTable id=\"btc_maintenance_brackets\"")
                + ": table 'BTC maintenance brackets' (UNIQUE): gap between rows, no row matches"
                + " [ \"BTCUSDT\", [ 250000 .. 260000 ) ]");
    assertThat(report.warnings()).hasSize(2);
  }

  @Test
  void aZipFolderNamingAnotherVersion_isRefused() {
    ValidationReport report = validate(shipped("tiered-perps@2"), "rules/tiered-perps/3");
    assertThat(report.passed()).isFalse();
    assertThat(report.problems())
        .extracting(CompilationProblem::toString)
        .containsExactly(
            "manifest.yaml:2: manifest says tiered-perps@2 but the bundle lies in tiered-perps/3"
                + " (policies and decide refuse it)");
  }

  @Test
  void aSingleZipFolder_impliesNoVersion() {
    assertThat(PolicyGovernance.location("tiered-perps", "my-bundle"))
        .isEqualTo(new io.fulcrum.engine.policy.BundleValidator.Location("tiered-perps", null));
    assertThat(validate(shipped("tiered-perps@2"), "my-bundle").passed()).isTrue();
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
        // A rule of its own: an activation group that has decided does not fire again (the
        // engine's SessionLink), so the loop must sit outside "status decision".
        validateWithOkRule(
            OK_STATUS
                + "\nend\n\nrule \"Touch the account forever\"\n  ruleflow-group \"status\"\nwhen\n"
                + "  $a : AccountFact( )\nthen\n  update($a);",
            "limits:\n  maxRuleFirings: 500\n  timeBudgetMillis: 5000\n");
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
    assertThat(report.checks()).containsExactly("location", "compile");
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

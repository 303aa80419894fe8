package io.fulcrum.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fulcrum.engine.measure.RiskMeasures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyCompilerTest {

  static final Path BUNDLES = Path.of("src/test/resources/bundles");
  static final PolicyLibrary LIBRARY = PolicyLibrary.at(BUNDLES);

  private static List<CompilationProblem> problemsOf(String id) {
    PolicyCompiler compiler = new PolicyCompiler(RiskMeasures.load());
    try {
      compiler.compile(LIBRARY.load(PolicyRef.of(id, "1")));
    } catch (PolicyCompilationFailed e) {
      return e.problems();
    }
    throw new AssertionError(id + " compiled but should not");
  }

  @Test
  void aGoodBundleCompilesOncePerContentHash() {
    PolicyCompiler compiler = new PolicyCompiler(RiskMeasures.load());
    CompiledPolicy first = compiler.compile(LIBRARY.load(PolicyRef.of("good", "1")));
    CompiledPolicy second = compiler.compile(LIBRARY.load(PolicyRef.of("good", "1")));
    assertThat(second).isSameAs(first);
    assertThat(compiler.cachedCount()).isEqualTo(1);
    assertThat(first.stamp().hash()).isEqualTo(LIBRARY.load(PolicyRef.of("good", "1")).hash());
  }

  @Test
  void aDrlSyntaxError_isReportedWithFileAndLine() {
    List<CompilationProblem> problems = problemsOf("drl-syntax-error");
    assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo("flat.drl"));
    // Line 9 reads "when when": the parser stops at the second 'when' of the rule, on line 10.
    assertThat(problems.get(0).line()).isEqualTo(10);
    assertThat(problems.get(0).toString()).startsWith("flat.drl:10: ");
  }

  @Test
  void aDmnTypeError_isReportedWithTheModelFile() {
    List<CompilationProblem> problems = problemsOf("dmn-type-error");
    assertThat(problems).isNotEmpty();
    assertThat(problems.get(0).file()).isEqualTo("rate.dmn");
    assertThat(problems.get(0).message())
        .contains("type error in table 'Rate' row 1, output 'rate'")
        .contains("\"one percent\" is a string but the column is typed number");
  }

  @Test
  void malformedDmnXml_isReportedWithItsLine() {
    List<CompilationProblem> problems = problemsOf("malformed-dmn");
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("rate.dmn");
              assertThat(p.line()).isEqualTo(14);
              assertThat(p.message()).startsWith("malformed XML");
            });
  }

  @Test
  void aFeelSyntaxError_isReportedWithTheModelFile() {
    List<CompilationProblem> problems = problemsOf("dmn-feel-error");
    assertThat(problems).isNotEmpty();
    assertThat(problems.get(0).file()).isEqualTo("rate.dmn");
  }

  @Test
  void aManifestNamingAMissingFile_isRefused() {
    assertThat(problemsOf("missing-file"))
        .extracting(CompilationProblem::message)
        .anySatisfy(
            m -> assertThat(m).contains("names 'extra.drl' but the bundle has no such file"));
  }

  @Test
  void aRuleFileNotListedInTheManifest_isRefused() {
    assertThat(problemsOf("unlisted-file"))
        .anySatisfy(
            p -> {
              assertThat(p.file()).isEqualTo("forgotten.drl");
              assertThat(p.message()).contains("not listed in the manifest");
            });
  }

  @Test
  void anUnknownMeasure_isRefusedListingTheKnownOnes() {
    assertThat(problemsOf("unknown-measure"))
        .anySatisfy(
            p ->
                assertThat(p.message())
                    .contains("unknown risk measure 'gross-notionall'")
                    .contains("gross-notional"));
  }

  @Test
  void aManifestWhoseIdDiffersFromItsDirectory_isRefused() {
    assertThatThrownBy(
            () ->
                PolicyLibrary.at(BUNDLES.resolve("..").resolve("misplaced"))
                    .load(PolicyRef.of("x", "1")))
        .isInstanceOf(RuntimeException.class);
  }
}

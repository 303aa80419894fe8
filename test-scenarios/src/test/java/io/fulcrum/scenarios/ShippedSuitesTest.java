package io.fulcrum.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.fulcrum.engine.policy.PolicyRef;
import io.fulcrum.scenarios.regress.CaseResult;
import io.fulcrum.scenarios.regress.Failure;
import io.fulcrum.scenarios.regress.RegressionResult;
import io.fulcrum.scenarios.regress.RegressionRunner;
import io.fulcrum.scenarios.run.Progress;
import io.fulcrum.scenarios.stress.StressLibrary;
import io.fulcrum.scenarios.suite.Suite;
import io.fulcrum.scenarios.suite.SuiteLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The build runs every shipped suite ({@code test-scenarios/suites/*.yaml}) against each version it
 * names: one test per account and market state, failing with the failed expectations.
 */
class ShippedSuitesTest {

  private static final SuiteLoader LOADER =
      new SuiteLoader(StressLibrary.at(TestPolicies.STRESS).resolver());

  @TestFactory
  Stream<DynamicNode> everyShippedSuitePasses() throws IOException {
    return suiteFiles().stream()
        .map(
            file -> {
              Suite suite = LOADER.load(file);
              List<String> versions = suite.versions().isEmpty() ? List.of("") : suite.versions();
              return DynamicContainer.dynamicContainer(
                  file.getFileName().toString(),
                  file.toUri(),
                  versions.stream().map(v -> versionNode(suite, v)));
            });
  }

  /**
   * One dynamic test per shipped policy. A policy without a suite yet is reported as skipped (not
   * failed), so adding a bundle to rules/ does not break the build before its suite is written.
   */
  @TestFactory
  Stream<DynamicTest> everyShippedPolicyHasASuite() throws IOException {
    List<String> covered =
        suiteFiles().stream().map(f -> LOADER.load(f).policy().orElse("")).toList();
    return TestPolicies.engine().library().ids().stream()
        .map(
            id ->
                DynamicTest.dynamicTest(
                    id,
                    () -> {
                      Assumptions.assumeTrue(
                          covered.contains(id),
                          "no suites/"
                              + id
                              + ".yaml yet: write one with hand-derived expectations");
                      assertThat(covered).contains(id);
                    }));
  }

  private static DynamicNode versionNode(Suite suite, String version) {
    String policyId =
        suite
            .policy()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        suite.source() + ": a shipped suite must name its policy"));
    String ref = version.isEmpty() ? policyId : policyId + "@" + version;
    if (!TestPolicies.engine().library().ids().contains(policyId)) {
      return DynamicTest.dynamicTest(
          ref + " (policy not in rules/ yet)",
          () -> Assumptions.abort("policy " + policyId + " is not shipped yet"));
    }
    RegressionResult result =
        new RegressionRunner(2)
            .run(suite, TestPolicies.engine().policy(PolicyRef.parse(ref)), Progress.silent());
    return DynamicContainer.dynamicContainer(
        ref,
        result.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> assertPassed(c))));
  }

  private static void assertPassed(CaseResult c) {
    assertThat(c.failures())
        .as(
            () ->
                c.failures().stream()
                    .map(Failure::message)
                    .collect(Collectors.joining("\n", "\n", "")))
        .isEmpty();
  }

  static List<Path> suiteFiles() throws IOException {
    try (Stream<Path> files = Files.list(TestPolicies.SUITES)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }
}

package io.fulcrum.scenarios.regress;

import io.fulcrum.scenarios.suite.Suite;
import java.time.Duration;
import java.util.List;

/** A suite run against one policy version. */
public record RegressionResult(
    Suite suite, String policy, String policyHash, List<CaseResult> cases, Duration elapsed) {

  public RegressionResult {
    cases = List.copyOf(cases);
  }

  public List<Failure> failures() {
    return cases.stream().flatMap(c -> c.failures().stream()).toList();
  }

  public int checks() {
    return cases.stream().mapToInt(CaseResult::checks).sum();
  }

  public long failedCases() {
    return cases.stream().filter(c -> !c.passed()).count();
  }

  public boolean passed() {
    return cases.stream().allMatch(CaseResult::passed);
  }

  /** Expectations (per case) not run because they are pinned to other versions. */
  public long skippedExpectations() {
    return cases.stream().mapToLong(c -> c.skipped().size()).sum();
  }

  /** Cases decided without a single check. */
  public long uncheckedCases() {
    return cases.stream().filter(CaseResult::unchecked).count();
  }

  /**
   * Whether the run passes; under {@code strict} also no expectation may be skipped and every case
   * must make at least one check.
   */
  public boolean passed(boolean strict) {
    return passed() && (!strict || (skippedExpectations() == 0 && uncheckedCases() == 0));
  }
}

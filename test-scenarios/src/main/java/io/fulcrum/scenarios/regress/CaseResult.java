package io.fulcrum.scenarios.regress;

import io.fulcrum.scenarios.run.CellResult;
import io.fulcrum.scenarios.suite.Expectation;
import java.util.List;

/**
 * One account in one market state under the policy: its outcome, how many checks were made, which
 * failed, and which expectations were skipped because they are pinned to other versions.
 *
 * @param skipped expectations for this account and market state pinned to other versions
 */
public record CaseResult(
    String account,
    String market,
    CellResult outcome,
    int checks,
    List<Failure> failures,
    List<Expectation> skipped) {

  public CaseResult {
    failures = List.copyOf(failures);
    skipped = List.copyOf(skipped);
  }

  /** True when the case was decided but nothing was checked: it proves nothing. */
  public boolean unchecked() {
    return checks == 0 && failures.isEmpty();
  }

  public boolean passed() {
    return failures.isEmpty();
  }

  public String name() {
    return account + " @ " + market;
  }
}

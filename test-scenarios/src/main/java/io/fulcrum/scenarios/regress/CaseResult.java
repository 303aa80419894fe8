package io.fulcrum.scenarios.regress;

import io.fulcrum.scenarios.run.CellResult;
import java.util.List;

/**
 * One account in one market state under the policy: its outcome, how many checks were made and
 * which failed.
 */
public record CaseResult(
    String account, String market, CellResult outcome, int checks, List<Failure> failures) {

  public CaseResult {
    failures = List.copyOf(failures);
  }

  public boolean passed() {
    return failures.isEmpty();
  }

  public String name() {
    return account + " @ " + market;
  }
}

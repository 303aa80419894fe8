package io.fulcrum.scenarios.regress;

/**
 * A failed expectation, with everything needed to find it: account, market state, policy, what was
 * checked, the expected and the actual value, and the suite line of the expectation.
 */
public record Failure(
    String account,
    String market,
    String policy,
    String check,
    String expected,
    String actual,
    int line) {

  public String message() {
    return "account "
        + account
        + " in market state "
        + market
        + " under "
        + policy
        + ": "
        + check
        + " expected "
        + expected
        + " but was "
        + actual
        + (line > 0 ? " (expectation at line " + line + ")" : "");
  }
}

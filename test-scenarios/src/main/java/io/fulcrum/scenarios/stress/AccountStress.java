package io.fulcrum.scenarios.stress;

import io.fulcrum.engine.decision.DecisionStatus;
import java.math.BigDecimal;

/**
 * One account under one stress scenario.
 *
 * @param postedMargin the account's margin balance (equity) on the base market: what it has posted
 * @param initialMargin the initial margin required on the base market
 * @param loss posted margin minus margin balance under the scenario (negative is a gain)
 * @param shortfall the part of the loss the posted margin does not cover: max(0, loss - posted),
 *     i.e. the negative equity left if the account is closed out at the scenario prices
 * @param failure why the account could not be decided, or null
 */
public record AccountStress(
    String account,
    BigDecimal postedMargin,
    BigDecimal initialMargin,
    DecisionStatus baseStatus,
    BigDecimal loss,
    BigDecimal shortfall,
    DecisionStatus stressedStatus,
    String failure) {

  public static AccountStress failed(String account, String reason) {
    return new AccountStress(account, null, null, null, null, null, null, reason);
  }

  public boolean failed() {
    return failure != null;
  }

  /** True when the loss exceeds the initial margin required (the margin model did not cover it). */
  public boolean exceedsInitialMargin() {
    return !failed() && loss.compareTo(initialMargin) > 0;
  }
}

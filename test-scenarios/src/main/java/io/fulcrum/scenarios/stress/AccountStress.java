package io.fulcrum.scenarios.stress;

import io.fulcrum.engine.decision.DecisionStatus;
import java.math.BigDecimal;

/**
 * One account under one stress scenario.
 *
 * <p>Sign convention: {@code loss} is positive when the account loses equity under the scenario and
 * negative when it gains. An account whose posted margin is already negative (in deficit before any
 * move) carries that deficit into the scenario; it is reported as {@code preExistingDeficit} and
 * never counted as shortfall caused by the scenario.
 *
 * @param postedMargin the account's margin balance (equity) on the base market: what it has posted;
 *     negative when the account is already in deficit
 * @param initialMargin the initial margin required on the base market
 * @param loss posted margin minus margin balance under the scenario (positive: a loss; negative: a
 *     gain)
 * @param preExistingDeficit max(0, -posted): the negative equity the account had before the move
 * @param shortfall the negative equity the scenario causes: max(0, -stressed balance) minus the
 *     pre-existing deficit, floored at 0; for an account not in deficit this is max(0, loss -
 *     posted), the part of the loss the posted margin does not cover
 * @param failure why the account could not be decided, or null
 * @param policyFault true when the failure is the policy's (e.g. a decision-table gap)
 */
public record AccountStress(
    String account,
    BigDecimal postedMargin,
    BigDecimal initialMargin,
    DecisionStatus baseStatus,
    BigDecimal loss,
    BigDecimal preExistingDeficit,
    BigDecimal shortfall,
    DecisionStatus stressedStatus,
    String failure,
    boolean policyFault) {

  /**
   * The figures of an account with margin balance {@code posted} before and {@code stressed} after.
   */
  public static AccountStress of(
      String account,
      BigDecimal posted,
      BigDecimal stressed,
      BigDecimal initialMargin,
      DecisionStatus baseStatus,
      DecisionStatus stressedStatus) {
    BigDecimal deficitBefore = posted.negate().max(BigDecimal.ZERO);
    BigDecimal deficitAfter = stressed.negate().max(BigDecimal.ZERO);
    return new AccountStress(
        account,
        posted,
        initialMargin,
        baseStatus,
        posted.subtract(stressed),
        deficitBefore,
        deficitAfter.subtract(deficitBefore).max(BigDecimal.ZERO),
        stressedStatus,
        null,
        false);
  }

  public static AccountStress failed(String account, String reason, boolean policyFault) {
    return new AccountStress(
        account, null, null, null, null, null, null, null, reason, policyFault);
  }

  public boolean failed() {
    return failure != null;
  }

  /** True when the loss exceeds the initial margin required (the margin model did not cover it). */
  public boolean exceedsInitialMargin() {
    return !failed() && loss.compareTo(initialMargin) > 0;
  }
}

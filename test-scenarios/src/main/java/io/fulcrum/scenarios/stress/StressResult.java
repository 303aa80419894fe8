package io.fulcrum.scenarios.stress;

import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.decision.PolicyStamp;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/** A book under one or more stress scenarios with one policy version. */
public record StressResult(
    String book, PolicyStamp policy, List<ScenarioOutcome> scenarios, double seconds) {

  public StressResult {
    scenarios = List.copyOf(scenarios);
  }

  /** Accounts that could not be decided, over all scenarios. */
  public long failures() {
    return scenarios.stream().mapToLong(ScenarioOutcome::failures).sum();
  }

  /** True when an account failed because of the policy (e.g. a decision-table gap). */
  public boolean hasPolicyFaults() {
    return scenarios.stream()
        .flatMap(o -> o.accounts().stream())
        .anyMatch(AccountStress::policyFault);
  }

  /**
   * The book under one scenario.
   *
   * @param accounts per account, in book order
   */
  public record ScenarioOutcome(StressScenario scenario, List<AccountStress> accounts) {

    public ScenarioOutcome {
      accounts = List.copyOf(accounts);
    }

    private List<AccountStress> decided() {
      return accounts.stream().filter(a -> !a.failed()).toList();
    }

    public BigDecimal totalPosted() {
      return decided().stream()
          .map(AccountStress::postedMargin)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal totalLoss() {
      return decided().stream().map(AccountStress::loss).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal totalShortfall() {
      return decided().stream()
          .map(AccountStress::shortfall)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Deficits the accounts had before the scenario (negative posted margin), summed. */
    public BigDecimal totalPreExistingDeficit() {
      return decided().stream()
          .map(AccountStress::preExistingDeficit)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Accounts with a shortfall caused by the scenario, largest first; ties in book order. Accounts
     * without a shortfall are not in the list.
     */
    public List<AccountStress> rankedByShortfall() {
      return decided().stream()
          .filter(a -> a.shortfall().signum() > 0)
          .sorted(Comparator.comparing(AccountStress::shortfall).reversed())
          .toList();
    }

    /**
     * The two accounts with the largest shortfalls ("cover 2"), largest first; ties by book order.
     */
    public List<AccountStress> largestTwo() {
      return rankedByShortfall().stream().limit(2).toList();
    }

    /** Shortfalls caused by the scenario, for the distribution chart. */
    public double[] shortfalls() {
      return rankedByShortfall().stream().mapToDouble(a -> a.shortfall().doubleValue()).toArray();
    }

    public BigDecimal coverTwo() {
      return largestTwo().stream()
          .map(AccountStress::shortfall)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public long liquidated() {
      return decided().stream().filter(a -> a.stressedStatus() == DecisionStatus.LIQUIDATE).count();
    }

    public long newlyLiquidated() {
      return decided().stream()
          .filter(
              a ->
                  a.stressedStatus() == DecisionStatus.LIQUIDATE
                      && a.baseStatus() != DecisionStatus.LIQUIDATE)
          .count();
    }

    public long lossesAboveInitialMargin() {
      return accounts.stream().filter(AccountStress::exceedsInitialMargin).count();
    }

    public long failures() {
      return accounts.stream().filter(AccountStress::failed).count();
    }
  }
}

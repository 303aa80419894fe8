package io.fulcrum.engine.runtime;

import io.fulcrum.engine.decision.DecisionStatus;
import io.fulcrum.engine.decision.Flag;
import io.fulcrum.engine.decision.Rounding;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The account as the rules see it. The engine inserts it once the "requirements" rules have run and
 * it has totalled them, so only "status" rules see it; they set the status and any policy metrics.
 *
 * <p>Margin balance = cross wallet (collateral value) - debts + unrealised P&L of cross positions +
 * isolated margins and unrealised P&L of isolated positions. Margin ratio = maintenance margin /
 * margin balance.
 *
 * <p>Property-reactive: {@link #setRatio}, {@link #setAmount} and {@link #raiseFlag} tell the
 * session that {@code metrics} / {@code flags} changed (when the value did change), so a later
 * rule's condition such as {@code AccountFact( hasMetric("effectiveLeverage"),
 * metric("effectiveLeverage") > 20 )} sees a metric an earlier rule set, without {@code modify}. A
 * rule is never re-activated by its own setters (see {@link SessionLink}). {@link #setStatus} is
 * not announced: the status is the phase's outcome, not an input of other conditions.
 */
@org.kie.api.definition.type.PropertyReactive
public final class AccountFact {

  private final String accountId;
  private final String currency;
  private final BigDecimal walletBalance;
  private final BigDecimal debtValue;
  private final AssignmentLog log;
  private final SessionLink link;
  private final SortedMap<String, BigDecimal> metrics = new TreeMap<>();
  private final List<Flag> flags = new ArrayList<>();

  private Totals totals;
  private DecisionStatus status;
  private String description;

  AccountFact(
      String accountId,
      String currency,
      BigDecimal walletBalance,
      BigDecimal debtValue,
      AssignmentLog log,
      SessionLink link) {
    this.accountId = accountId;
    this.currency = currency;
    this.walletBalance = walletBalance;
    this.debtValue = debtValue;
    this.log = log;
    this.link = link;
  }

  /** Aggregates the engine computes once every position and collateral requirement is known. */
  record Totals(
      BigDecimal initialMargin,
      BigDecimal maintenanceMargin,
      BigDecimal collateralMaintenanceHaircut,
      BigDecimal unrealisedPnl,
      BigDecimal marginBalance) {}

  void setTotals(Totals totals) {
    this.totals = totals;
    this.description = null;
  }

  public String getAccountId() {
    return accountId;
  }

  public String getCurrency() {
    return currency;
  }

  /** Cross wallet: value of all collateral balances. */
  public BigDecimal getWalletBalance() {
    return walletBalance;
  }

  /** Same as the wallet balance: the value of collateral before haircuts. */
  public BigDecimal getCollateralValue() {
    return walletBalance;
  }

  public BigDecimal getDebtValue() {
    return debtValue;
  }

  public boolean isTotalled() {
    return totals != null;
  }

  public BigDecimal getInitialMargin() {
    return totals().initialMargin();
  }

  public BigDecimal getMaintenanceMargin() {
    return totals().maintenanceMargin();
  }

  /** Sum of the collateral maintenance haircuts (part of the maintenance margin). */
  public BigDecimal getCollateralMaintenanceHaircut() {
    return totals().collateralMaintenanceHaircut();
  }

  public BigDecimal getUnrealisedPnl() {
    return totals().unrealisedPnl();
  }

  public BigDecimal getMarginBalance() {
    return totals().marginBalance();
  }

  /** Maintenance margin / margin balance; null when the balance is zero or negative. */
  public BigDecimal getMarginRatio() {
    BigDecimal balance = getMarginBalance();
    if (balance.signum() <= 0) {
      return null;
    }
    return Rounding.ratio(Rounding.divide(getMaintenanceMargin(), balance));
  }

  /** Nothing left to cover a requirement: margin balance zero or negative while one exists. */
  public boolean isInsolvent() {
    return getMarginBalance().signum() <= 0 && getMaintenanceMargin().signum() > 0;
  }

  private Totals totals() {
    if (totals == null) {
      throw new PolicyEvaluationFailed("account totals are known only in the 'status' phase");
    }
    return totals;
  }

  public DecisionStatus getStatus() {
    return status;
  }

  public void setStatus(DecisionStatus value) {
    status = value;
    log.record("account", "status", value);
  }

  public SortedMap<String, BigDecimal> getMetrics() {
    return Collections.unmodifiableSortedMap(metrics);
  }

  public boolean hasMetric(String name) {
    return metrics.containsKey(name);
  }

  public BigDecimal metric(String name) {
    return FactValues.number(metrics.get(name), name, "account");
  }

  /** Sets a ratio-like metric (rounded to the ratio scale). */
  public void setRatio(String name, BigDecimal value) {
    putMetric(name, Rounding.ratio(value));
  }

  /** Sets a money metric (rounded to the money scale, half-even). */
  public void setAmount(String name, BigDecimal value) {
    putMetric(name, Rounding.money(value));
  }

  /**
   * Raises the flag {@code name}: a warning short of a margin call, listed in the decision with the
   * rule that raised it (the engine records the rule; {@code detail} says why, e.g. {@code
   * "effective leverage 27.3 > 20"}). Raising a flag changes no status or figure. The same flag
   * raised again by the same rule with the same detail is kept once.
   *
   * @param name a name of letters, digits and {@code _}, starting with a letter
   * @param detail free text for people, may be empty
   */
  public void raiseFlag(String name, String detail) {
    if (name == null || !FLAG_NAME.matcher(name).matches()) {
      throw new PolicyEvaluationFailed(
          "flag name '" + name + "' is not a name: letters, digits and _, starting with a letter");
    }
    String rule = link.firingRule();
    Flag flag = new Flag(name, rule == null ? "(engine)" : rule, detail == null ? "" : detail);
    if (!flags.contains(flag)) {
      flags.add(flag);
      log.record(
          "account", io.fulcrum.engine.explain.ExplanationText.FLAG_FIELD + name, flag.detail());
    }
  }

  private static final java.util.regex.Pattern FLAG_NAME =
      java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  /** The flags raised so far, in the order they were raised. */
  public List<Flag> getFlags() {
    return Collections.unmodifiableList(flags);
  }

  /** Whether some rule raised the flag {@code name}. */
  public boolean hasFlag(String name) {
    return flags.stream().anyMatch(f -> f.name().equals(name));
  }

  private void putMetric(String name, BigDecimal rounded) {
    BigDecimal before = metrics.put(name, rounded);
    log.record("account", name, rounded);
    if (!rounded.equals(before)) {
      link.changed(this, "metrics");
    }
  }

  /**
   * What the explanation shows for the account. Built once the totals are known (they do not change
   * afterwards; only the status phase sees the account).
   */
  public String describe() {
    String d = description;
    if (d == null) {
      d = buildDescription();
      if (totals != null) {
        description = d;
      }
    }
    return d;
  }

  private String buildDescription() {
    String base =
        "account " + accountId + " (wallet " + Rounding.money(walletBalance).toPlainString();
    if (totals == null) {
      return base + ")";
    }
    return base
        + ", margin balance "
        + Rounding.money(getMarginBalance()).toPlainString()
        + ", maintenance "
        + getMaintenanceMargin().toPlainString()
        + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}

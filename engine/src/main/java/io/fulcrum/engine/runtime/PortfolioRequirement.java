package io.fulcrum.engine.runtime;

import io.fulcrum.engine.decision.Rounding;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The requirement of the account's portfolio as a whole, for policies that margin a portfolio
 * rather than position by position (risk-based initial margin): "requirements" rules set it, and
 * the engine adds it to the sum of the position requirements. It is in working memory in every
 * evaluation; a policy that never sets it adds nothing. Components (e.g. the risk margin before the
 * anti-procyclicality buffer) appear in the decision's metrics. Setters round like position
 * requirements and are recorded in the explanation.
 */
public final class PortfolioRequirement {

  private final AssignmentLog log;
  private final SortedMap<String, BigDecimal> components = new TreeMap<>();
  private BigDecimal initialMargin;
  private BigDecimal maintenanceMargin;

  PortfolioRequirement(AssignmentLog log) {
    this.log = log;
  }

  public BigDecimal getInitialMargin() {
    return initialMargin;
  }

  public void setInitialMargin(BigDecimal value) {
    initialMargin = Rounding.requirement(value);
    log.record(label(), "initialMargin", initialMargin);
  }

  public BigDecimal getMaintenanceMargin() {
    return maintenanceMargin;
  }

  public void setMaintenanceMargin(BigDecimal value) {
    maintenanceMargin = Rounding.requirement(value);
    log.record(label(), "maintenanceMargin", maintenanceMargin);
  }

  /** Whether a rule set either requirement. */
  public boolean isSet() {
    return initialMargin != null || maintenanceMargin != null;
  }

  /** A named part of the requirement (money, rounded up like a requirement), shown as a metric. */
  public void setComponent(String name, BigDecimal value) {
    BigDecimal rounded = Rounding.requirement(value);
    components.put(name, rounded);
    log.record(label(), name, rounded);
  }

  public boolean hasComponent(String name) {
    return components.containsKey(name);
  }

  public BigDecimal component(String name) {
    return FactValues.number(components.get(name), name, label());
  }

  public SortedMap<String, BigDecimal> getComponents() {
    return Collections.unmodifiableSortedMap(components);
  }

  String label() {
    return "portfolio";
  }

  @Override
  public String toString() {
    return "portfolio requirement (initial "
        + (initialMargin == null ? "unset" : initialMargin.toPlainString())
        + ", maintenance "
        + (maintenanceMargin == null ? "unset" : maintenanceMargin.toPlainString())
        + ")";
  }
}

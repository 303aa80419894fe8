package io.fulcrum.scenarios.regress;

import io.fulcrum.engine.decision.Flag;
import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.decision.PositionFigures;
import io.fulcrum.engine.explain.RuleFired;
import io.fulcrum.scenarios.suite.Expectation;
import io.fulcrum.scenarios.suite.NumberCheck;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Checks one expectation against one decision and lists what does not hold. */
final class ExpectationChecker {

  private final Expectation expectation;
  private final MarginDecision decision;
  private final String market;
  private final List<Failure> failures = new ArrayList<>();
  private int checks;

  private ExpectationChecker(Expectation expectation, MarginDecision decision, String market) {
    this.expectation = expectation;
    this.decision = decision;
    this.market = market;
  }

  /**
   * Runs every check of {@code expectation}; returns the number of checks made and the failures.
   */
  static Outcome check(Expectation expectation, MarginDecision decision, String market) {
    ExpectationChecker c = new ExpectationChecker(expectation, decision, market);
    c.run();
    return new Outcome(c.checks, List.copyOf(c.failures));
  }

  record Outcome(int checks, List<Failure> failures) {}

  private void run() {
    expectation.status().ifPresent(s -> compare("status", s.name(), decision.status().name()));
    expectation.figures().forEach((name, check) -> number(name, check, accountFigure(name)));
    expectation
        .metrics()
        .forEach((name, check) -> number("metrics." + name, check, decision.metrics().get(name)));
    expectation
        .positions()
        .forEach(
            (instrument, check) -> {
              Optional<PositionFigures> p =
                  decision.positions().stream()
                      .filter(f -> f.instrument().equals(instrument))
                      .findFirst();
              if (p.isEmpty()) {
                compare("position " + instrument, "present", "absent");
                return;
              }
              check
                  .figures()
                  .forEach(
                      (name, n) ->
                          number(
                              "position " + instrument + " " + name,
                              n,
                              positionFigure(p.get(), name)));
              check
                  .parameters()
                  .forEach(
                      (name, n) ->
                          number(
                              "position " + instrument + " parameter " + name,
                              n,
                              decimal(p.get().parameters().get(name))));
            });
    if (!expectation.flags().isEmpty() || !expectation.flagsAbsent().isEmpty()) {
      Set<String> raised =
          decision.flags().stream().map(Flag::name).collect(Collectors.toCollection(TreeSet::new));
      expectation
          .flags()
          .forEach(
              flag ->
                  compare(
                      "flag '" + flag + "'",
                      "raised",
                      raised.contains(flag)
                          ? "raised"
                          : "not raised (flags raised: " + raised + ")"));
      expectation
          .flagsAbsent()
          .forEach(
              flag ->
                  compare(
                      "flag '" + flag + "'",
                      "not raised",
                      raised.contains(flag) ? "raised" : "not raised"));
    }
    if (expectation.needsExplanation()) {
      Set<String> fired =
          decision.explanation().steps().stream()
              .filter(RuleFired.class::isInstance)
              .map(s -> ((RuleFired) s).rule())
              .collect(Collectors.toSet());
      expectation
          .rulesFired()
          .forEach(
              rule ->
                  compare(
                      "rule '" + rule + "'",
                      "fired",
                      fired.contains(rule)
                          ? "fired"
                          : "not fired (rules fired: " + fired.stream().sorted().toList() + ")"));
      expectation
          .rulesNotFired()
          .forEach(
              rule ->
                  compare(
                      "rule '" + rule + "'",
                      "not fired",
                      fired.contains(rule) ? "fired" : "not fired"));
    }
  }

  private BigDecimal accountFigure(String name) {
    return switch (name) {
      case "initialMargin" -> decision.initialMargin();
      case "maintenanceMargin" -> decision.maintenanceMargin();
      case "marginBalance" -> decision.marginBalance();
      case "marginRatio" -> decision.marginRatio();
      case "walletBalance" -> decision.walletBalance();
      case "unrealisedPnl" -> decision.unrealisedPnl();
      default -> throw new IllegalArgumentException("unknown account figure '" + name + "'");
    };
  }

  private static BigDecimal positionFigure(PositionFigures p, String name) {
    return switch (name) {
      case "initialMargin" -> p.initialMargin();
      case "maintenanceMargin" -> p.maintenanceMargin();
      case "liquidationPrice" -> p.liquidationPrice();
      case "bankruptcyPrice" -> p.bankruptcyPrice();
      case "notional" -> p.notional();
      case "unrealisedPnl" -> p.unrealisedPnl();
      default -> throw new IllegalArgumentException("unknown position figure '" + name + "'");
    };
  }

  private static BigDecimal decimal(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
  }

  private void number(String what, NumberCheck check, BigDecimal actual) {
    checks++;
    if (!check.passes(actual)) {
      fail(what, check.describe(), actual == null ? "none" : actual.toPlainString());
    }
  }

  private void compare(String what, String expected, String actual) {
    checks++;
    if (!expected.equals(actual)) {
      fail(what, expected, actual);
    }
  }

  private void fail(String what, String expected, String actual) {
    failures.add(
        new Failure(
            expectation.account(),
            market,
            decision.policy().ref(),
            what,
            expected,
            actual,
            expectation.line()));
  }
}

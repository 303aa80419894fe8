package io.fulcrum.engine.runtime;

import io.fulcrum.engine.decision.MarginDecision;
import io.fulcrum.engine.decision.PositionFigures;
import io.fulcrum.engine.decision.Rounding;
import io.fulcrum.engine.domain.MarginRequest;
import io.fulcrum.engine.explain.ExplanationRecorder;
import io.fulcrum.engine.market.MarketDataSets;
import io.fulcrum.engine.policy.CompiledPolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * One evaluation of a request against a compiled policy, in this order: risk measures, DMN
 * decisions per position and collateral, the "requirements" rules, the engine's account totals, the
 * "status" rules, then the decision. Not reusable; not thread-safe.
 */
final class PolicyEvaluation {

  static final String REQUIREMENTS = "requirements";
  static final String STATUS = "status";

  private static final java.util.regex.Pattern RULE_IN_MESSAGE =
      java.util.regex.Pattern.compile("\\[Rule \"([^\"]*)\"");

  private final CompiledPolicy policy;
  private final MarginRequest request;
  private final ExplanationRecorder recorder;
  private final AssignmentLog log;
  private final MarketDataSets dataSets;
  private final DecisionGuard guard;
  private final RuleSessionSource sessions;

  PolicyEvaluation(
      CompiledPolicy policy,
      MarginRequest request,
      MarketDataSets dataSets,
      boolean explain,
      DecisionGuard guard) {
    this(policy, request, dataSets, explain, guard, RuleSessions.current());
  }

  PolicyEvaluation(
      CompiledPolicy policy,
      MarginRequest request,
      MarketDataSets dataSets,
      boolean explain,
      DecisionGuard guard,
      RuleSessionSource sessions) {
    this.sessions = sessions;
    this.policy = policy;
    this.guard = guard;
    this.request = request;
    this.dataSets = dataSets;
    this.recorder = explain ? ExplanationRecorder.enabled() : ExplanationRecorder.disabled();
    this.log = explain ? new AssignmentLog() : AssignmentLog.DISABLED;
  }

  MarginDecision run() {
    SessionLink link = new SessionLink();
    FactSet facts = FactSet.of(request, log, link);
    List<MeasureFact> measures = MeasureStage.run(policy, request, dataSets, recorder);
    guard.check();
    DmnStage dmn = new DmnStage(policy, recorder);
    for (int i = 0; i < facts.positions.size(); i++) {
      guard.check();
      PositionFact p = facts.positions.get(i);
      p.putParameters(dmn.evaluate("position", p.label(), p::property));
    }
    for (int i = 0; i < facts.collateral.size(); i++) {
      guard.check();
      CollateralFact c = facts.collateral.get(i);
      c.putParameters(dmn.evaluate("collateral", c.label(), c::property));
    }
    PortfolioRequirement portfolio = new PortfolioRequirement(log);
    KieSession session = sessions.acquire(policy);
    boolean reusable = false;
    guard.session(session);
    try {
      link.attach(session);
      RuleCapture capture = null;
      if (recorder.isEnabled()) {
        capture = new RuleCapture(recorder, log);
        session.addEventListener(capture);
      }
      if (policy.declaresGlobal("liquidation")) {
        session.setGlobal(
            "liquidation",
            new LiquidationPrices(
                dmn, recorder, facts, policy.manifest().liquidation().convention()));
      }
      session.insert(new Parameters(policy.manifest().parameters()));
      List<FactHandle> positionHandles = new ArrayList<>();
      facts.positions.forEach(p -> positionHandles.add(session.insert(p)));
      facts.collateral.forEach(link::insert);
      facts.debts.forEach(session::insert);
      measures.forEach(session::insert);
      link.insert(portfolio);

      fire(session, link, capture, REQUIREMENTS);
      AccountTotals.apply(facts, portfolio, recorder);
      // What the requirements rules set with plain setters is visible to every status condition.
      facts.collateral.forEach(link::updateAll);
      link.updateAll(portfolio);
      // The account enters working memory only with its totals, so no rule sees it half-built.
      link.insert(facts.account);
      positionHandles.forEach(h -> session.update(h, session.getObject(h)));
      fire(session, link, capture, STATUS);
      reusable = true;
    } catch (PolicyEvaluationFailed | io.fulcrum.engine.domain.InvalidRequest e) {
      throw e;
    } catch (RuntimeException e) {
      guard.check();
      // A constraint, eval or function of the policy failed: say where, never what the policy
      // said (the engine's own failures keep their message).
      String rule = ruleName(e);
      String where =
          "policy "
              + policy.stamp().ref()
              + (rule == null ? "" : ": rule \"" + rule + "\" (" + policy.ruleLocation(rule) + ")");
      PolicyEvaluationFailed engine = DecisionGuard.engineFailure(e);
      throw new PolicyEvaluationFailed(
          engine != null
              ? where + ": " + engine.getMessage()
              : where + ": a condition failed with " + innermost(e).getClass().getName());
    } finally {
      guard.session(null);
      if (reusable && !guard.expired()) {
        sessions.release(policy, session);
      } else {
        sessions.discard(session);
      }
    }
    if (facts.account.getStatus() == null) {
      throw new PolicyEvaluationFailed(
          "policy "
              + policy.stamp().ref()
              + " decided no status for account "
              + facts.account.getAccountId()
              + ": no 'status' rule matched");
    }
    return assemble(facts, portfolio);
  }

  private void fire(KieSession session, SessionLink link, RuleCapture capture, String phase) {
    if (capture != null) {
      capture.phase(phase);
    }
    session.getAgenda().getAgendaGroup(phase).setFocus();
    guard.fire(session, link, policy::ruleLocation);
  }

  private static Throwable innermost(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  /** The rule a Drools evaluation error names, if it names one. */
  private static String ruleName(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.drools.mvel.ConstraintEvaluationException && t.getMessage() != null) {
        // Drools writes "... in [Rule "name" in file]": its own text, not the policy's.
        java.util.regex.Matcher m = RULE_IN_MESSAGE.matcher(t.getMessage());
        return m.find() ? m.group(1) : null;
      }
    }
    return null;
  }

  private MarginDecision assemble(FactSet facts, PortfolioRequirement portfolio) {
    AccountFact a = facts.account;
    List<PositionFigures> figures = new ArrayList<>();
    for (PositionFact p : facts.positions) {
      figures.add(
          new PositionFigures(
              p.getInstrument(),
              p.getQuantity(),
              p.getMarkPrice(),
              Rounding.money(p.getNotional()),
              Rounding.money(p.getUnrealisedPnl()),
              p.getInitialMargin(),
              p.getMaintenanceMargin(),
              p.getLiquidationPrice(),
              p.getBankruptcyPrice(),
              new TreeMap<>(p.getParameters())));
    }
    SortedMap<String, BigDecimal> metrics = new TreeMap<>(portfolio.getComponents());
    metrics.putAll(a.getMetrics());
    return new MarginDecision(
        a.getAccountId(),
        policy.stamp(),
        request.market().asOf(),
        a.getCurrency(),
        a.getStatus(),
        a.getInitialMargin(),
        a.getMaintenanceMargin(),
        Rounding.money(a.getMarginBalance()),
        a.getMarginRatio(),
        Rounding.money(a.getWalletBalance()),
        Rounding.money(a.getUnrealisedPnl()),
        metrics,
        a.getFlags(),
        LiquidationMoves.of(policy, facts),
        figures,
        recorder.toExplanation(),
        null);
  }
}

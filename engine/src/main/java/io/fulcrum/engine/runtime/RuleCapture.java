package io.fulcrum.engine.runtime;

import io.fulcrum.engine.explain.ExplanationRecorder;
import io.fulcrum.engine.explain.RuleFired;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/** Records each rule firing: rule name, the facts it matched and what it set. */
final class RuleCapture extends DefaultAgendaEventListener {

  private final ExplanationRecorder recorder;
  private final AssignmentLog log;
  private String phase = "";

  RuleCapture(ExplanationRecorder recorder, AssignmentLog log) {
    this.recorder = recorder;
    this.log = log;
  }

  void phase(String phase) {
    this.phase = phase;
  }

  @Override
  public void beforeMatchFired(BeforeMatchFiredEvent event) {
    log.clear();
  }

  @Override
  public void afterMatchFired(AfterMatchFiredEvent event) {
    List<Object> objects = event.getMatch().getObjects();
    List<String> matched = new ArrayList<>(objects.size());
    String subject = "account";
    for (Object o : objects) {
      matched.add(String.valueOf(o));
      if (o instanceof PositionFact p && subject.equals("account")) {
        subject = p.label();
      } else if (o instanceof CollateralFact c && subject.equals("account")) {
        subject = c.label();
      }
    }
    recorder.add(
        new RuleFired(subject, event.getMatch().getRule().getName(), phase, matched, log.drain()));
  }
}

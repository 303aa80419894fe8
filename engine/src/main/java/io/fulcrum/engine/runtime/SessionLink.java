package io.fulcrum.engine.runtime;

import java.util.IdentityHashMap;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * What the facts of one evaluation know about the rule session: the rule firing now (so a flag
 * names the rule that raised it) and the handle of every fact in working memory (so a setter can
 * tell the session which property it changed). One per evaluation; not thread-safe. {@link #NONE}
 * belongs to facts that never enter a session (hypothetical positions of the liquidation solver).
 */
final class SessionLink extends DefaultAgendaEventListener {

  /** For facts outside any session: knows no rule, notifies nothing. Never attached. */
  static final SessionLink NONE = new SessionLink();

  private final Map<Object, FactHandle> handles = new IdentityHashMap<>();
  private KieSession session;
  private String firingRule;

  /** Listens to {@code session}'s firings; the facts inserted through {@link #insert} follow. */
  void attach(KieSession session) {
    if (this == NONE) {
      throw new IllegalStateException("SessionLink.NONE cannot be attached");
    }
    this.session = session;
    session.addEventListener(this);
  }

  /** Inserts {@code fact} into the attached session and remembers its handle. */
  FactHandle insert(Object fact) {
    FactHandle handle = session.insert(fact);
    handles.put(fact, handle);
    return handle;
  }

  /** The name of the rule whose consequence is running, or null between firings. */
  String firingRule() {
    return firingRule;
  }

  @Override
  public void beforeMatchFired(BeforeMatchFiredEvent event) {
    firingRule = event.getMatch().getRule().getName();
  }

  @Override
  public void afterMatchFired(AfterMatchFiredEvent event) {
    firingRule = null;
  }
}

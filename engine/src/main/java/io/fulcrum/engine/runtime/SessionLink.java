package io.fulcrum.engine.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

/**
 * What the facts of one evaluation know about the rule session, and the rules the engine adds to
 * Drools' own. One per evaluation; not thread-safe.
 *
 * <ul>
 *   <li>The rule firing now, so a flag names the rule that raised it.
 *   <li>The handle of every fact in working memory, so a setter can tell the session which property
 *       it changed ({@link #changed}): the conditions of later rules see the new value, exactly as
 *       after a {@code modify} of that property ({@link AccountFact} is property-reactive).
 *   <li>As an {@link AgendaFilter}: (1) a change announced by a setter never re-activates a rule by
 *       itself: a match comes back only if something else (another rule, a {@code modify}, the
 *       engine) changed a fact since it last fired, i.e. {@code no-loop} for setters, so {@code
 *       $a.setRatio(...)} under {@code AccountFact(hasMetric(...))} does not loop; (2) one rule of
 *       an activation group fires, once: a later change cannot re-open a group that has decided
 *       (the status).
 * </ul>
 *
 * Explicit {@code modify}/{@code update} keep Drools' semantics, including loops, which {@link
 * DecisionGuard}'s firing limit stops.
 */
final class SessionLink extends DefaultAgendaEventListener
    implements RuleRuntimeEventListener, AgendaFilter {

  private final Map<Object, FactHandle> handles = new IdentityHashMap<>();

  /** Per working-memory change, in order: the rule whose setter announced it, or null. */
  private final List<String> changes = new ArrayList<>();

  /** Per match (rule and facts), the number of changes when it last started firing. */
  private final Map<MatchKey, Integer> firedAt = new HashMap<>();

  private final Set<String> decidedGroups = new HashSet<>();
  private KieSession session;
  private String firingRule;
  private boolean notifying;

  /** Listens to {@code session}'s firings; the facts inserted through {@link #insert} follow. */
  void attach(KieSession session) {
    this.session = session;
    session.addEventListener((org.kie.api.event.rule.AgendaEventListener) this);
    session.addEventListener((RuleRuntimeEventListener) this);
  }

  /** Inserts {@code fact} into the attached session and remembers its handle. */
  FactHandle insert(Object fact) {
    FactHandle handle = session.insert(fact);
    handles.put(fact, handle);
    return handle;
  }

  /**
   * Tells the session that the engine (not a rule) changed {@code fact}: every condition sees it.
   */
  void updateAll(Object fact) {
    FactHandle handle = handles.get(fact);
    if (handle != null) {
      session.update(handle, fact);
    }
  }

  /**
   * Tells the session that a rule changed {@code property} of {@code fact}, so the conditions of
   * later rules see the new value. Nothing happens for a fact not (yet) in working memory or a
   * change made outside a rule's consequence.
   */
  void changed(Object fact, String property) {
    if (session == null || firingRule == null) {
      return;
    }
    FactHandle handle = handles.get(fact);
    if (handle != null) {
      notifying = true;
      try {
        session.update(handle, fact, property);
      } finally {
        notifying = false;
      }
    }
  }

  /** The name of the rule whose consequence is running, or null between firings. */
  String firingRule() {
    return firingRule;
  }

  @Override
  public boolean accept(Match match) {
    String rule = match.getRule().getName();
    String group = activationGroup(match);
    if (group != null && decidedGroups.contains(group)) {
      return false;
    }
    Integer at = firedAt.get(MatchKey.of(match));
    if (at == null) {
      return true;
    }
    for (int i = at; i < changes.size(); i++) {
      if (!rule.equals(changes.get(i))) {
        return true; // something besides this rule's own setters changed since it fired
      }
    }
    return false;
  }

  private static String activationGroup(Match match) {
    // The activation group is not on the public Rule API; the rule objects are Drools' RuleImpl.
    String group = match.getRule() instanceof RuleImpl r ? r.getActivationGroup() : null;
    return group == null || group.isEmpty() ? null : group;
  }

  @Override
  public void beforeMatchFired(BeforeMatchFiredEvent event) {
    firingRule = event.getMatch().getRule().getName();
    // From here on, what this rule's setters announce does not bring this match back; anything
    // else (its own explicit update, another rule, the engine) does.
    firedAt.put(MatchKey.of(event.getMatch()), changes.size());
  }

  @Override
  public void afterMatchFired(AfterMatchFiredEvent event) {
    firingRule = null;
    String group = activationGroup(event.getMatch());
    if (group != null) {
      decidedGroups.add(group);
    }
  }

  @Override
  public void objectInserted(ObjectInsertedEvent event) {
    changes.add(null);
  }

  @Override
  public void objectUpdated(ObjectUpdatedEvent event) {
    changes.add(notifying ? firingRule : null);
  }

  @Override
  public void objectDeleted(ObjectDeletedEvent event) {
    changes.add(null);
  }

  /** A rule with the facts it matched, compared by identity. */
  private record MatchKey(String rule, List<Identity> facts) {
    static MatchKey of(Match match) {
      List<Identity> facts = new ArrayList<>();
      for (Object o : match.getObjects()) {
        facts.add(new Identity(o));
      }
      return new MatchKey(match.getRule().getName(), facts);
    }
  }

  private record Identity(Object fact) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Identity i && i.fact == fact;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(fact);
    }
  }
}

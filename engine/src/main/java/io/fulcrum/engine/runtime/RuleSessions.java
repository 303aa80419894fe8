package io.fulcrum.engine.runtime;

import io.fulcrum.engine.policy.CompiledPolicy;
import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.runtime.KieSession;

/**
 * Rule sessions reused by the decisions of one thread: opening a session per decision costs more
 * than the rules it runs (see README, "Benchmarks"). Each thread keeps at most {@link #PER_THREAD}
 * idle sessions, one per compiled policy it used last (keyed by the policy, not the rule base: two
 * bundles with the same rules share a rule base but not their parameters).
 *
 * <p>Between decisions a session is returned to the state of a new one by Drools' own pool reset
 * ({@code StatefulKnowledgeSessionImpl.reset()}, what {@code KieBase.newKieSessionsPool} uses):
 * node memories, the agenda (focus stack, agenda and activation groups, pending matches), every
 * entry point's facts, globals, event listeners, and the fact-handle and propagation counters,
 * which restart at zero so that conflict resolution sees the same handle order as in a fresh
 * session. A session whose decision did not end normally (a rule failed, the budget ran out, the
 * thread was stopped) is disposed, never reused. {@code RuleSessionReuseTest} shows what a reuse
 * without this reset gets wrong.
 *
 * <p>Not thread-safe by design: each instance belongs to one thread. When the thread ends, its idle
 * sessions are disposed by a {@link Cleaner} (they are registered with their rule base until then).
 */
final class RuleSessions implements RuleSessionSource {

  static final int PER_THREAD = 4;

  private static final Cleaner CLEANER = Cleaner.create();
  private static final ThreadLocal<RuleSessions> LOCAL = ThreadLocal.withInitial(RuleSessions::new);

  /** Idle sessions, least recently used first; shared with the cleaner, never with a thread. */
  private final Idle idle = new Idle();

  private RuleSessions() {
    CLEANER.register(this, idle);
  }

  /** The calling thread's sessions. */
  static RuleSessions current() {
    return LOCAL.get();
  }

  @Override
  public KieSession acquire(CompiledPolicy policy) {
    KieSession session = idle.take(policy);
    return session != null ? session : policy.kieBase().newKieSession();
  }

  /** Resets the session (see class doc) and keeps it for the thread's next decision. */
  @Override
  public void release(CompiledPolicy policy, KieSession session) {
    try {
      reset(session);
    } catch (RuntimeException e) {
      dispose(session);
      return;
    }
    idle.put(policy, session);
  }

  /** Ends a session that must not be reused. */
  static void dispose(KieSession session) {
    try {
      session.dispose();
    } catch (RuntimeException e) {
      // A session broken by a stopped thread may fail to dispose; it is dropped either way.
    }
  }

  /** Returns {@code session} to the state of a new session of its rule base (see class doc). */
  static void reset(KieSession session) {
    ((StatefulKnowledgeSessionImpl) session).reset();
  }

  /** The idle sessions of one thread, at most {@link #PER_THREAD}. */
  private static final class Idle implements Runnable {
    private final Map<CompiledPolicy, KieSession> sessions = new IdentityHashMap<>();
    private final List<CompiledPolicy> order = new ArrayList<>();

    synchronized KieSession take(CompiledPolicy policy) {
      KieSession s = sessions.remove(policy);
      if (s != null) {
        order.remove(policy);
      }
      return s;
    }

    synchronized void put(CompiledPolicy policy, KieSession session) {
      KieSession previous = sessions.put(policy, session);
      if (previous != null) {
        dispose(previous);
        order.remove(policy);
      }
      order.add(policy);
      if (order.size() > PER_THREAD) {
        dispose(sessions.remove(order.remove(0)));
      }
    }

    /** The thread is gone: dispose what it kept. */
    @Override
    public synchronized void run() {
      sessions.values().forEach(RuleSessions::dispose);
      sessions.clear();
      order.clear();
    }
  }
}

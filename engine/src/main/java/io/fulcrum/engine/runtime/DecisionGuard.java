package io.fulcrum.engine.runtime;

import io.fulcrum.engine.policy.PolicyManifest.Limits;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.kie.api.runtime.KieSession;

/**
 * The time budget of one decision, run on the caller's thread. When the budget runs out a watchdog
 * asks the decision to stop: it halts the rule session (rule firings stop after the current one)
 * and marks the decision expired, which the evaluation checks between its stages. That is enough
 * for everything cooperative. Policy code that does not return (a FEEL expression iterating a huge
 * range, an enormous {@code BigDecimal} power) is stopped {@link #GRACE_MILLIS} later with {@link
 * Thread#stop()}: the JVM's only way to end code that does not check for interruption. The {@code
 * ThreadDeath} is caught here and becomes a {@link PolicyEvaluationFailed}, so the thread (an HTTP
 * worker, a CLI) carries on. Stopping is safe enough here because a decision owns its session and
 * facts; shared structures (the compiled rule base, the DMN runtime) are only read during
 * evaluation. On a JDK where {@code Thread.stop} is gone (20 and later) the decision runs to its
 * end and then fails as over budget.
 *
 * <p>Why not a separate thread per decision: it would add a thread hand-off to every decision
 * (batches, backtests) for the rare one that needs stopping; the watchdog ({@link Deadlines}) costs
 * two set operations per decision.
 */
final class DecisionGuard {

  static final long GRACE_MILLIS = 500;

  private static final int RUNNING = 0;
  private static final int HALTING = 1;
  private static final int STOPPING = 2;
  private static final int STOPPED = 3;
  private static final int DONE = 4;

  private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

  /** The decisions running now, each until it ends; {@link Deadlines} checks them. */
  private static final Deadlines DEADLINES = new Deadlines();

  private final Thread thread = Thread.currentThread();
  private final AtomicInteger state = new AtomicInteger(RUNNING);
  private final Limits limits;
  private final String policy;
  private final long deadline;
  private volatile KieSession session;
  private volatile boolean expired;
  private int firings;

  private DecisionGuard(Limits limits, String policy) {
    this.limits = limits;
    this.policy = policy;
    this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limits.timeBudgetMillis());
  }

  private static ScheduledThreadPoolExecutor watchdog() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "fulcrum-decision-watchdog");
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  /** Runs {@code decision} under {@code limits}; over budget it fails as a policy error. */
  static <T> T run(Limits limits, String policy, Function<DecisionGuard, T> decision) {
    DecisionGuard guard = new DecisionGuard(limits, policy);
    DEADLINES.add(guard);
    try {
      T result;
      try {
        result = decision.apply(guard);
      } catch (ThreadDeath death) {
        throw death;
      } catch (RuntimeException | Error e) {
        guard.finish();
        if (guard.expired()) {
          throw guard.overBudget();
        }
        throw e;
      } catch (Throwable sneaky) { // a checked exception thrown past the compiler by a library
        guard.finish();
        if (guard.expired()) {
          throw guard.overBudget();
        }
        throw new PolicyEvaluationFailed(
            "policy " + policy + " failed with " + sneaky.getClass().getName());
      }
      guard.finish();
      if (guard.expired()) {
        throw guard.overBudget();
      }
      return result;
    } catch (ThreadDeath death) {
      int state = guard.state.get();
      if (state != STOPPING && state != STOPPED) {
        throw death; // not ours
      }
      guard.state.set(DONE);
      // HotSpot interrupts the thread to deliver the stop: clear it, or the caller's next
      // blocking call (a socket read in the service) would fail.
      Thread.interrupted();
      throw guard.overBudget();
    } finally {
      DEADLINES.remove(guard);
    }
  }

  /** Whether the budget ran out (the decision must not be used). */
  boolean expired() {
    return expired;
  }

  /** Fails the decision if its budget is gone; called between stages. */
  void check() {
    if (expired()) {
      throw overBudget();
    }
  }

  /** The rule session the watchdog halts when the budget runs out; null when none is open. */
  void session(KieSession session) {
    this.session = session;
    if (session != null && expired()) {
      session.halt();
    }
  }

  /**
   * Fires the focused agenda group within the decision's remaining rule firings, through {@code
   * filter} (the engine's no-loop for setters and activation groups, see {@link SessionLink}). An
   * exception thrown by a rule becomes a policy error with a fixed message naming the rule and its
   * file and line: what the policy code put in its exception never leaves the engine.
   */
  void fire(
      KieSession session,
      org.kie.api.runtime.rule.AgendaFilter filter,
      Function<String, String> ruleLocation) {
    check();
    int remaining = limits.maxRuleFirings() - firings;
    try {
      firings += session.fireAllRules(filter, remaining + 1);
    } catch (org.kie.api.runtime.rule.ConsequenceException e) {
      check();
      String rule = e.getRule() == null ? "?" : e.getRule().getName();
      String where =
          "policy " + policy + ": rule \"" + rule + "\" (" + ruleLocation.apply(rule) + ")";
      Throwable cause = e.getCause() == null ? e : e.getCause();
      // The fact API's own failures (a parameter no table set) are engine text: keep them.
      PolicyEvaluationFailed engine = engineFailure(e);
      throw new PolicyEvaluationFailed(
          engine != null
              ? where + ": " + engine.getMessage()
              : where + " failed with " + cause.getClass().getName());
    }
    if (firings > limits.maxRuleFirings()) {
      throw new PolicyEvaluationFailed(
          "policy "
              + policy
              + " exceeded its rule firing limit: more than "
              + limits.maxRuleFirings()
              + " rule firings in one decision (limits.maxRuleFirings); a rule probably re-fires"
              + " itself");
    }
    check();
  }

  /**
   * The engine-written failure behind {@code e}, if there is one. Policy code cannot construct a
   * {@link PolicyEvaluationFailed} (not on the allow-list), so its message is the engine's.
   */
  static PolicyEvaluationFailed engineFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PolicyEvaluationFailed f) {
        return f;
      }
    }
    return null;
  }

  private PolicyEvaluationFailed overBudget() {
    return new PolicyEvaluationFailed(
        "policy "
            + policy
            + " exceeded its time budget of "
            + limits.timeBudgetMillis()
            + " ms for one decision (limits.timeBudgetMillis)");
  }

  private void expire() {
    expired = true;
    if (state.compareAndSet(RUNNING, HALTING)) {
      KieSession s = session;
      if (s != null) {
        s.halt();
      }
      WATCHDOG.schedule(this::stop, GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  @SuppressWarnings({"deprecation", "removal"})
  private void stop() {
    if (state.compareAndSet(HALTING, STOPPING)) {
      try {
        thread.stop();
        state.set(STOPPED);
      } catch (UnsupportedOperationException e) {
        state.set(DONE); // JDK 20+: cannot stop; the decision fails as over budget when it returns
      }
    }
  }

  /**
   * Ends the guarded section. If the watchdog is stopping the thread, waits here for the {@code
   * ThreadDeath} so it is thrown inside {@link #run} and nowhere else.
   */
  private void finish() {
    if (state.compareAndSet(RUNNING, DONE) || state.compareAndSet(HALTING, DONE)) {
      return;
    }
    while (state.get() == STOPPING) {
      Thread.onSpinWait();
    }
    if (state.get() == STOPPED) {
      // Delivered at the next safepoint poll, i.e. within these iterations, unless the death was
      // already thrown (and swallowed by a library on the way out).
      long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
      for (long i = 0; i < 1_000_000L || System.nanoTime() < until; i++) {
        Thread.onSpinWait();
      }
      Thread.interrupted(); // see run(): the stop came with an interrupt
    }
  }

  /**
   * Expires the running decisions whose budget is gone. One daemon thread looks at them every
   * {@link #TICK_MILLIS} while any is running and sleeps otherwise, so a decision costs two set
   * operations instead of scheduling and cancelling a timer task (which woke the timer thread on
   * every decision). A budget therefore ends up to {@link #TICK_MILLIS} late.
   */
  static final class Deadlines {
    static final long TICK_MILLIS = 5;

    private final java.util.Set<DecisionGuard> running =
        java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean idle;

    Deadlines() {
      thread = new Thread(this::watch, "fulcrum-decision-deadlines");
      thread.setDaemon(true);
      thread.start();
    }

    void add(DecisionGuard guard) {
      running.add(guard);
      if (idle) {
        idle = false;
        java.util.concurrent.locks.LockSupport.unpark(thread);
      }
    }

    void remove(DecisionGuard guard) {
      running.remove(guard);
    }

    private void watch() {
      long tick = TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
      while (true) {
        if (running.isEmpty()) {
          idle = true;
          if (running
              .isEmpty()) { // re-checked: an add() after the first look sees idle and unparks
            java.util.concurrent.locks.LockSupport.park(this);
          }
          idle = false;
          continue;
        }
        long now = System.nanoTime();
        for (DecisionGuard g : running) {
          if (now - g.deadline >= 0 && !g.expired) {
            g.expire();
          }
        }
        java.util.concurrent.locks.LockSupport.parkNanos(this, tick);
      }
    }
  }
}

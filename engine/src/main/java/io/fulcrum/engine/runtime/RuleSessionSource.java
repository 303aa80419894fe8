package io.fulcrum.engine.runtime;

import io.fulcrum.engine.policy.CompiledPolicy;
import org.kie.api.runtime.KieSession;

/**
 * Where an evaluation gets its rule session and where it gives it back (see {@link RuleSessions}).
 */
interface RuleSessionSource {

  /** A session of {@code policy}'s rule base in the state of a new one; the caller owns it. */
  KieSession acquire(CompiledPolicy policy);

  /** Takes back a session whose decision ended normally. */
  void release(CompiledPolicy policy, KieSession session);

  /** Takes back a session whose decision did not end normally: it is never used again. */
  default void discard(KieSession session) {
    RuleSessions.dispose(session);
  }
}

package io.fulcrum.admin.security;

/** The service's roles. Users get them from configuration (see {@link UserDirectory}). */
public final class Roles {

  /** May request decisions, what-if evaluations and batches. */
  public static final String DECIDER = "decider";

  /** May read decisions and explanations, replay them and verify the audit chain. */
  public static final String AUDITOR = "auditor";

  /** Writes policy versions (policy governance). */
  public static final String AUTHOR = "author";

  /** Approves and activates policy versions (policy governance). */
  public static final String APPROVER = "approver";

  public static final java.util.Set<String> ALL =
      java.util.Set.of(DECIDER, AUDITOR, AUTHOR, APPROVER);

  private Roles() {}
}

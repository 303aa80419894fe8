package io.fulcrum.engine.policy;

/** No bundle for the requested policy id or version. */
public class PolicyNotFound extends RuntimeException {

  private final String policy;

  public PolicyNotFound(String policy, String detail) {
    super("policy " + policy + " not found: " + detail);
    this.policy = policy;
  }

  public String policy() {
    return policy;
  }
}

package io.fulcrum.admin.application;

/** No stored version with this id and version (404). */
public class PolicyVersionNotFound extends RuntimeException {

  public PolicyVersionNotFound(String ref) {
    super("no policy version " + ref);
  }
}

package io.fulcrum.admin.application;

/** No signed checkpoint can be served: no signing key is configured, or none is signed yet. */
public class CheckpointUnavailable extends RuntimeException {

  public CheckpointUnavailable(String message) {
    super(message);
  }
}

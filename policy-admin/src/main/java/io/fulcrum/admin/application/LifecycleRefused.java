package io.fulcrum.admin.application;

/** A lifecycle action the version's state does not allow (409). */
public class LifecycleRefused extends RuntimeException {

  public LifecycleRefused(String message) {
    super(message);
  }
}

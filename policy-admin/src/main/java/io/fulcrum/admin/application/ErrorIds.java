package io.fulcrum.admin.application;

import java.util.UUID;

/** Short ids that tie an error response to the one log line describing it. */
public final class ErrorIds {

  private ErrorIds() {}

  public static String next() {
    return UUID.randomUUID().toString().substring(0, 13);
  }
}

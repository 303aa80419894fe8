package io.fulcrum.admin.application;

import io.fulcrum.engine.policy.PolicyRef;

/** Policy references given by callers: a malformed one is the caller's error, naming the field. */
public final class PolicyRefs {

  private PolicyRefs() {}

  /**
   * {@code text} ({@code id} or {@code id@version}) parsed.
   *
   * @throws InvalidParameter naming {@code field} when it is not a policy reference
   */
  public static PolicyRef parse(String field, String text) {
    try {
      return PolicyRef.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameter(field, e.getMessage());
    }
  }

  /**
   * {@code text} unchanged once checked to be a policy reference; null or blank (the active
   * version) pass as they are.
   */
  public static String checked(String field, String text) {
    if (text != null && !text.isBlank()) {
      parse(field, text);
    }
    return text;
  }

  /**
   * A policy id given on its own (a path segment) checked.
   *
   * @throws InvalidParameter naming {@code field} when it is not a policy id
   */
  public static String checkedId(String field, String id) {
    try {
      PolicyRef.of(id, "1");
      return id;
    } catch (IllegalArgumentException e) {
      throw new InvalidParameter(field, e.getMessage());
    }
  }
}

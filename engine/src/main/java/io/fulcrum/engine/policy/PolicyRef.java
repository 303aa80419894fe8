package io.fulcrum.engine.policy;

import java.util.Optional;

/**
 * A reference to a policy: {@code id} alone means the latest version, {@code id@version} pins one.
 */
public record PolicyRef(String id, Optional<String> version) {

  public PolicyRef {
    if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "policy id must be lower-case letters, digits and hyphens but was '" + id + "'");
    }
    version.ifPresent(PolicyRef::checkVersion);
  }

  static void checkVersion(String v) {
    if (!v.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "policy version must be letters, digits, '.', '_' or '-' but was '" + v + "'");
    }
  }

  /** Parses {@code id} or {@code id@version}. */
  public static PolicyRef parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("policy reference is required (id or id@version)");
    }
    int at = text.indexOf('@');
    return at < 0
        ? new PolicyRef(text.trim(), Optional.empty())
        : new PolicyRef(text.substring(0, at).trim(), Optional.of(text.substring(at + 1).trim()));
  }

  public static PolicyRef of(String id, String version) {
    return new PolicyRef(id, Optional.of(version));
  }

  @Override
  public String toString() {
    return version.map(v -> id + "@" + v).orElse(id);
  }
}

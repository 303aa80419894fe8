package io.fulcrum.engine.policy;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;

/**
 * The order of policy version names, the one every part of Fulcrum uses to find "the latest"
 * version and to list versions oldest first.
 *
 * <p>A version is a name of letters, digits, '.', '_' or '-' ({@link PolicyRef}). Versions made of
 * digits only are numbers and compare by value ({@code 1 < 2 < 10}); they come after every other
 * name, so a shipped numeric version is always later than a name such as {@code draft} or {@code
 * 2-rc1}. Other names compare by their text (Java {@link String#compareTo}, so {@code 1.10 < 1.9}).
 * Two numbers of equal value written differently ({@code 01} and {@code 1}) are told apart by their
 * text, so the order is total and consistent with {@link String#equals}: {@code 01 < 1}.
 */
public final class VersionOrder {

  /** Oldest first. */
  public static final Comparator<String> ASCENDING = VersionOrder::compare;

  private VersionOrder() {}

  /**
   * The latest of {@code versions} under {@link #ASCENDING}.
   *
   * @throws IllegalArgumentException when there are none
   */
  public static String latest(Collection<String> versions) {
    return versions.stream()
        .max(ASCENDING)
        .orElseThrow(() -> new IllegalArgumentException("no versions to choose the latest from"));
  }

  private static int compare(String a, String b) {
    Objects.requireNonNull(a, "version");
    Objects.requireNonNull(b, "version");
    boolean na = isNumber(a);
    boolean nb = isNumber(b);
    if (na != nb) {
      return na ? 1 : -1;
    }
    if (na) {
      int byValue = new BigInteger(a).compareTo(new BigInteger(b));
      if (byValue != 0) {
        return byValue;
      }
    }
    return a.compareTo(b);
  }

  private static boolean isNumber(String v) {
    if (v.isEmpty()) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}

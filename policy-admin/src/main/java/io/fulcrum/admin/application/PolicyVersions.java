package io.fulcrum.admin.application;

import java.math.BigInteger;
import java.util.Comparator;

/** Ordering of version names: numeric versions by value after non-numeric ones by text. */
final class PolicyVersions {

  static final Comparator<String> ORDER =
      Comparator.<String, Boolean>comparing(v -> v.matches("\\d+"))
          .thenComparing(
              (a, b) ->
                  a.matches("\\d+") && b.matches("\\d+")
                      ? new BigInteger(a).compareTo(new BigInteger(b))
                      : a.compareTo(b));

  private PolicyVersions() {}
}

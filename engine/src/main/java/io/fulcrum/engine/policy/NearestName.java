package io.fulcrum.engine.policy;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The "did you mean" of every name check (policy code, suites): the known name nearest to a
 * misspelt one by Levenshtein edit distance (Commons Text), if it is near enough. Ties go to the
 * alphabetically first name, so messages are deterministic.
 */
public final class NearestName {

  private NearestName() {}

  /**
   * The candidate within {@code maxDistance} edits of {@code name}, comparing case-insensitively
   * when {@code ignoreCase}.
   */
  public static Optional<String> within(
      String name, Collection<String> candidates, int maxDistance, boolean ignoreCase) {
    LevenshteinDistance distance = new LevenshteinDistance(maxDistance);
    String wanted = ignoreCase ? name.toLowerCase(Locale.ROOT) : name;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : new TreeSet<>(candidates)) {
      int d = distance.apply(wanted, ignoreCase ? candidate.toLowerCase(Locale.ROOT) : candidate);
      if (d >= 0 && d < bestDistance) { // -1: farther than maxDistance
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }
}

package io.fulcrum.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A policy library in a temporary directory holding copies of the shipped bundles plus faulty new
 * versions written the way an author would get them wrong.
 */
public final class FaultyLibrary {

  private FaultyLibrary() {}

  /**
   * Copies {@code tiered-perps} 1 and 2 and {@code collateral-health} 1 into {@code dir}, and adds
   * {@code tiered-perps@3}: version 2 with bracket 3 starting at 260,000 instead of 250,000, so
   * notionals in [250,000, 260,000) match no row of the UNIQUE bracket table.
   */
  public static Path withBracketGap(Path dir) {
    copy(TestPolicies.RULES.resolve("tiered-perps/1"), dir.resolve("tiered-perps/1"));
    copy(TestPolicies.RULES.resolve("tiered-perps/2"), dir.resolve("tiered-perps/2"));
    copy(TestPolicies.RULES.resolve("collateral-health/1"), dir.resolve("collateral-health/1"));
    Path v3 = dir.resolve("tiered-perps/3");
    copy(TestPolicies.RULES.resolve("tiered-perps/2"), v3);
    replace(v3.resolve("manifest.yaml"), "version: \"2\"", "version: \"3\"");
    replace(
        v3.resolve("brackets.dmn"),
        "<text>[250000..1000000)</text>",
        "<text>[260000..1000000)</text>");
    return dir;
  }

  /**
   * Adds {@code tiered-perps@3} to {@code dir} (with versions 1 and 2): version 2 plus a status
   * rule "Flag every account" raising flag {@code watchList} on every account.
   */
  public static Path withFlag(Path dir) {
    copy(TestPolicies.RULES.resolve("tiered-perps/1"), dir.resolve("tiered-perps/1"));
    copy(TestPolicies.RULES.resolve("tiered-perps/2"), dir.resolve("tiered-perps/2"));
    Path v3 = dir.resolve("tiered-perps/3");
    copy(TestPolicies.RULES.resolve("tiered-perps/2"), v3);
    replace(v3.resolve("manifest.yaml"), "version: \"2\"", "version: \"3\"");
    try {
      Files.writeString(
          v3.resolve("margin.drl"),
          """

          rule "Flag every account"
            ruleflow-group "status"
          when
            $a : AccountFact( )
          then
            $a.raiseFlag("watchList", "every account");
          end
          """,
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  static void replace(Path file, String from, String to) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (!text.contains(from)) {
        throw new IllegalStateException(file + " does not contain " + from);
      }
      Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void copy(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

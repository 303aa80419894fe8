package io.fulcrum.cli;

import io.fulcrum.engine.policy.PolicyLibrary;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --rules DIR}: where the policy bundles are; defaults to the checkout's rules/. */
public final class LibraryOption {

  @Option(
      names = "--rules",
      paramLabel = "DIR",
      description =
          "Policy library root (<id>/<version>/ bundles). Default: $FULCRUM_HOME/rules or ./rules.")
  private Path rules;

  public PolicyLibrary library() {
    return PolicyLibrary.at(root());
  }

  public Path root() {
    if (rules != null) {
      return rules;
    }
    String home = System.getenv("FULCRUM_HOME");
    return home == null ? Path.of("rules") : Path.of(home, "rules");
  }
}

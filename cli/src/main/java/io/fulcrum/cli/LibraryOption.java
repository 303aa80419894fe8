package io.fulcrum.cli;

import io.fulcrum.engine.policy.PolicySource;
import picocli.CommandLine.Option;

/**
 * {@code --rules DIR|shipped}: where the policy bundles come from, read by {@link PolicySource#of}
 * as the service reads {@code fulcrum.policy.library}; defaults to $FULCRUM_HOME/rules, else
 * ./rules.
 */
public final class LibraryOption {

  @Option(
      names = "--rules",
      paramLabel = "DIR|shipped",
      description =
          "Policy library root (<id>/<version>/ bundles), or 'shipped' for the bundles in the"
              + " rules jar. Default: $FULCRUM_HOME/rules or ./rules.")
  private String rules;

  public PolicySource library() {
    return PolicySource.of(spec());
  }

  /** The source as given, or the default directory. */
  public String spec() {
    if (rules != null) {
      return rules;
    }
    String home = System.getenv("FULCRUM_HOME");
    return home == null ? "rules" : java.nio.file.Path.of(home, "rules").toString();
  }
}

package io.fulcrum.engine.policy;

import java.nio.file.Path;
import java.util.List;

/**
 * Where policy bundles come from: the one way the CLI and the service look up {@code id[@version]},
 * so both resolve {@code tiered-perps@2} to the same bundle.
 *
 * <p>Implementations: a directory laid out as {@code <root>/<policy-id>/<version>/} ({@link
 * #directory}) and the bundles shipped on the classpath in the rules module's jar ({@link
 * #shipped}), both {@link PolicyLibrary}. A source answering from a running service's URL is
 * planned; it would implement this interface the same way (ids, versions in version order, a bundle
 * per reference) and has no implementation yet.
 */
public interface PolicySource {

  /** The spec that {@link #of} reads as the shipped bundles. */
  String SHIPPED = "shipped";

  /** Policy ids, sorted. */
  List<String> ids();

  /**
   * Versions of a policy, oldest first (numeric versions compare as numbers).
   *
   * @throws PolicyNotFound when the source holds no policy {@code id}
   */
  List<String> versions(String id);

  /**
   * The bundle {@code ref} names; a reference without a version means the latest.
   *
   * @throws PolicyNotFound when the id or version is unknown
   * @throws PolicyCompilationFailed when the manifest's id or version disagrees with the reference
   */
  PolicyBundle load(PolicyRef ref);

  /**
   * The highest version of a policy.
   *
   * @throws PolicyNotFound when the policy is unknown or has no versions
   */
  default String latestVersion(String id) {
    List<String> versions = versions(id);
    if (versions.isEmpty()) {
      throw new PolicyNotFound(id, "the policy has no versions");
    }
    return versions.get(versions.size() - 1);
  }

  /** Where the bundles come from, for messages and audit events (a directory, a jar path). */
  String description();

  /** The bundles under {@code root}, laid out as {@code <root>/<policy-id>/<version>/}. */
  static PolicySource directory(Path root) {
    return PolicyLibrary.at(root);
  }

  /** The bundles shipped on the classpath (the rules module's jar or its build output). */
  static PolicySource shipped() {
    return PolicyLibrary.shipped();
  }

  /**
   * A source from its written form, as the CLI's {@code --rules} and the service's {@code
   * fulcrum.policy.library} give it: {@value #SHIPPED} is the shipped bundles, anything else a
   * directory (write {@code ./shipped} for a directory of that name).
   */
  static PolicySource of(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException(
          "policy source is empty: give a directory or '" + SHIPPED + "'");
    }
    return spec.equals(SHIPPED) ? shipped() : directory(Path.of(spec));
  }
}

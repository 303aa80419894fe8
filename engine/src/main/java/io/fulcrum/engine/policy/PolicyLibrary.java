package io.fulcrum.engine.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The policy bundles under a root directory laid out as {@code <root>/<policy-id>/<version>/}: a
 * directory of the file system or the shipped bundles inside the rules module's jar. "Latest" is
 * the highest version in {@link VersionOrder}.
 */
public final class PolicyLibrary implements PolicySource {

  /** Where the rules module puts the shipped bundles inside its jar. */
  public static final String CLASSPATH_ROOT = "fulcrum-rules";

  private final Path root;

  private PolicyLibrary(Path root) {
    this.root = root;
  }

  public static PolicyLibrary at(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("policy library directory does not exist: " + root);
    }
    return new PolicyLibrary(root);
  }

  /** The bundles shipped on the classpath (the rules module's jar or its build output). */
  public static PolicyLibrary shipped() {
    URL url = PolicyLibrary.class.getClassLoader().getResource(CLASSPATH_ROOT);
    if (url == null) {
      throw new IllegalStateException(
          "no shipped policies on the classpath (expected the fulcrum-rules jar)");
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return new PolicyLibrary(fs.getPath(CLASSPATH_ROOT));
      }
      return new PolicyLibrary(Path.of(uri));
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot open shipped policies at " + url, e);
    }
  }

  public Path root() {
    return root;
  }

  /** The root directory (inside the rules jar for the shipped bundles). */
  @Override
  public String description() {
    return root.toString();
  }

  @Override
  public List<String> ids() {
    return children(root);
  }

  @Override
  public List<String> versions(String id) {
    Path dir = root.resolve(id);
    if (!Files.isDirectory(dir)) {
      throw new PolicyNotFound(id, "no policy with this id in " + root + "; known: " + ids());
    }
    List<String> versions = new ArrayList<>(children(dir));
    versions.sort(VersionOrder.ASCENDING);
    return versions;
  }

  /** Loads the bundle; the manifest's id and version must match its directory. */
  @Override
  public PolicyBundle load(PolicyRef ref) {
    String version = ref.version().orElseGet(() -> latestVersion(ref.id()));
    Path dir = root.resolve(ref.id()).resolve(version);
    if (!Files.isDirectory(dir)) {
      throw new PolicyNotFound(
          ref.id() + "@" + version, "no such version; known: " + versions(ref.id()));
    }
    PolicyBundle bundle = BundleReader.read(dir);
    PolicyManifest m = bundle.manifest();
    if (!m.id().equals(ref.id()) || !m.version().equals(version)) {
      throw new PolicyCompilationFailed(
          ref.id() + "@" + version,
          List.of(
              new CompilationProblem(
                  PolicyBundle.MANIFEST,
                  0,
                  "manifest says "
                      + m.id()
                      + "@"
                      + m.version()
                      + " but the bundle lies in "
                      + ref.id()
                      + "/"
                      + version)));
    }
    return bundle;
  }

  private static List<String> children(Path dir) {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString().replace("/", ""))
          .filter(n -> !n.startsWith(".") && !n.equals("src") && !n.equals("target"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

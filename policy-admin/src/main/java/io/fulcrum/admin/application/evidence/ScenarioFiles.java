package io.fulcrum.admin.application.evidence;

import io.fulcrum.admin.application.InvalidParameter;
import io.fulcrum.engine.support.Sha256;
import io.fulcrum.scenarios.stress.StressLibrary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The shipped scenario files the evidence jobs read, under the directory {@code fulcrum.scenarios}
 * ({@code FULCRUM_SCENARIOS}; {@code ./fulcrum-service} defaults it to the repository's
 * test-scenarios): suites/*.yaml (regression, by their {@code policy}), books/*.yaml (impact),
 * backtest/*.yaml (coverage portfolios) and stress/ (the scenarios books refer to). Files are named
 * by their file name only; a name not listed is refused.
 */
@ApplicationScoped
public class ScenarioFiles {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.ya?ml");

  @Inject
  @ConfigProperty(name = "fulcrum.scenarios")
  Optional<String> directory;

  public ScenarioFiles() {}

  /** Files at {@code root} (tests). */
  public static ScenarioFiles at(Path root) {
    ScenarioFiles f = new ScenarioFiles();
    f.directory = Optional.of(root.toString());
    return f;
  }

  public Path root() {
    Path root =
        Path.of(
            directory
                .filter(d -> !d.isBlank())
                .map(String::trim)
                .orElseGet(
                    () ->
                        Optional.ofNullable(System.getenv("FULCRUM_HOME"))
                            .map(h -> Path.of(h, "test-scenarios").toString())
                            .orElse("test-scenarios")));
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException(
          "fulcrum.scenarios (FULCRUM_SCENARIOS) names "
              + root.toAbsolutePath()
              + ", which is not a directory: evidence jobs need the test-scenarios folder");
    }
    return root;
  }

  public List<String> suites() {
    return list("suites");
  }

  public List<String> books() {
    return list("books");
  }

  public List<String> portfolios() {
    return list("backtest");
  }

  public Path suite(String name) {
    return file("suites", name, "suite");
  }

  /** A book: under books/ first, else a suite of that name. */
  public Path book(String name) {
    if (name != null && books().contains(name)) {
      return file("books", name, "suite");
    }
    return file("suites", name, "suite");
  }

  public Path portfolio(String name) {
    return file("backtest", name, "portfolio");
  }

  public StressLibrary stressLibrary() {
    Path dir = root().resolve("stress");
    return Files.isDirectory(dir) ? StressLibrary.at(dir) : StressLibrary.empty();
  }

  /** SHA-256 of a file's bytes. */
  public static String hash(Path file) {
    try {
      return Sha256.hex(Sha256.of(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The stress scenario files, name to SHA-256 (books refer to them by name). */
  public java.util.SortedMap<String, String> stressHashes() {
    java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
    for (String n : list("stress")) {
      out.put("stress/" + n, hash(root().resolve("stress").resolve(n)));
    }
    return out;
  }

  private Path file(String folder, String name, String field) {
    if (name == null || !NAME.matcher(name).matches() || !list(folder).contains(name)) {
      throw new InvalidParameter(
          field, "no " + folder + "/" + name + " among the shipped files " + list(folder));
    }
    return root().resolve(folder).resolve(name);
  }

  private List<String> list(String folder) {
    Path dir = root().resolve(folder);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> NAME.matcher(n).matches())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}

package io.fulcrum.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A shipped bundle's files, copied so a test can change one thing and build the faulty bundle. */
final class ShippedBundleCopy {

  static final Path RULES = Path.of("../rules");

  private final Map<String, byte[]> files = new TreeMap<>();

  private ShippedBundleCopy(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(files).as("shipped bundle " + dir).containsKey("manifest.yaml");
  }

  static ShippedBundleCopy of(String id, String version) {
    return new ShippedBundleCopy(RULES.resolve(id).resolve(version));
  }

  String text(String file) {
    return new String(files.get(file), StandardCharsets.UTF_8);
  }

  /** Replaces the one occurrence of {@code from} in {@code file} (fails if not exactly one). */
  ShippedBundleCopy replace(String file, String from, String to) {
    String text = text(file);
    assertThat(text.split(java.util.regex.Pattern.quote(from), -1))
        .as("'" + from + "' occurs once in " + file)
        .hasSize(2);
    files.put(file, text.replace(from, to).getBytes(StandardCharsets.UTF_8));
    return this;
  }

  ShippedBundleCopy put(String file, String content) {
    files.put(file, content.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** The 1-based line of {@code file} holding {@code text} (after any change). */
  int lineOf(String file, String text) {
    List<String> lines = text(file).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line of " + file + " holds " + text);
  }

  Map<String, byte[]> files() {
    return files;
  }

  PolicyBundle bundle() {
    return BundleReader.fromFiles("test", files);
  }

  /** Writes the files under {@code dir} (e.g. a temp dir named like a bundle directory). */
  Path writeTo(Path dir) {
    try {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Path p = dir.resolve(f.getKey());
        Files.createDirectories(p.getParent());
        Files.write(p, f.getValue());
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

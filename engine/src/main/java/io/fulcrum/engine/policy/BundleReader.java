package io.fulcrum.engine.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.yaml.YamlDocument;
import io.fulcrum.engine.yaml.YamlFormatException;
import io.fulcrum.engine.yaml.YamlNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a bundle from its files and checks its shape: the manifest parses, every file it names
 * exists, and no DRL, DMN or decision table lies in the bundle without being listed (an unlisted
 * rule file would otherwise be silently ignored). Manifest problems name {@code
 * manifest.yaml:<line>} with the line the YAML parser recorded for the value ({@link
 * YamlDocument}), however deep it lies.
 */
public final class BundleReader {

  /** Where the list items naming files lie: the keys whose items are file names. */
  private static final List<String> FILE_LISTS =
      List.of("rules", "tests", "scenarios", "smoke", "evidence");

  /**
   * How {@link PolicyManifest}'s checks of the whole manifest name what they are about: a bound
   * ({@code bounds.<path>: ...}) or a top-level field ({@code manifest field 'id' ...}, {@code
   * policy version must ...}, {@code rules must ...}).
   */
  private static final Pattern BOUND = Pattern.compile("^(bounds|metrics)\\.([^\\s:]+)");

  private static final Pattern FIELD =
      Pattern.compile("^manifest field '(\\w+)'|^policy (id|version) |^(\\w+) must ");

  private BundleReader() {}

  /** Reads every regular file under {@code dir} (recursively) into a bundle. */
  public static PolicyBundle read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new PolicyNotFound(dir.toString(), "no such bundle directory");
    }
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        files.put(rel, Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundle " + dir, e);
    }
    return fromFiles(dir.toString(), files);
  }

  /**
   * Builds a bundle from files keyed by relative path, e.g. from an upload.
   *
   * @param origin where the files came from, for messages
   */
  public static PolicyBundle fromFiles(String origin, Map<String, byte[]> files) {
    List<CompilationProblem> problems = new ArrayList<>();
    for (String path : files.keySet()) {
      if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
        problems.add(new CompilationProblem(path, 0, "path escapes the bundle directory"));
      }
    }
    byte[] manifestBytes = files.get(PolicyBundle.MANIFEST);
    if (manifestBytes == null) {
      problems.add(new CompilationProblem(PolicyBundle.MANIFEST, 0, "the bundle has no manifest"));
      throw new PolicyCompilationFailed(origin, problems);
    }
    YamlDocument document = manifestDocument(origin, manifestBytes);
    PolicyManifest manifest = parseManifest(origin, document, manifestBytes);
    List<String> listed = new ArrayList<>();
    manifest.rules().forEach(listed::add);
    manifest.listedTestFiles().forEach(listed::add);
    manifest.decisions().forEach(d -> listed.add(d.model()));
    for (String file : listed) {
      if (!files.containsKey(file)) {
        problems.add(
            new CompilationProblem(
                PolicyBundle.MANIFEST,
                listedLine(document, file),
                "the manifest names '" + file + "' but the bundle has no such file"));
      }
    }
    for (String path : files.keySet()) {
      if (isCompilable(path) && !listed.contains(path)) {
        problems.add(
            new CompilationProblem(
                path,
                0,
                "file is not listed in the manifest (add it to 'rules' or 'decisions', or remove it)"));
      }
    }
    for (String f : manifest.scenarios()) {
      if (!f.endsWith(".scesim")) {
        problems.add(
            new CompilationProblem(
                PolicyBundle.MANIFEST,
                listedLine(document, f),
                "scenarios lists '" + f + "': a scenario file must end in .scesim"));
      }
    }
    for (String f : manifest.smoke()) {
      if (!f.endsWith(".json")) {
        problems.add(
            new CompilationProblem(
                PolicyBundle.MANIFEST,
                listedLine(document, f),
                "smoke lists '" + f + "': a smoke request must be a .json request file"));
      }
    }
    for (String path : files.keySet()) {
      if (path.endsWith(".scesim") && !listed.contains(path)) {
        problems.add(
            new CompilationProblem(
                path,
                0,
                "test scenario file is not listed in the manifest (add it to 'scenarios', or"
                    + " remove it): it would never run"));
      }
    }
    for (String rule : manifest.rules()) {
      if (!rule.endsWith(".drl") && !isSpreadsheet(rule)) {
        problems.add(
            new CompilationProblem(
                rule, 0, "a rule file must end in .drl, .drl.csv, .drl.xls or .drl.xlsx"));
      }
    }
    if (!problems.isEmpty()) {
      throw new PolicyCompilationFailed(manifest.id() + "@" + manifest.version(), problems);
    }
    return new PolicyBundle(manifest, files);
  }

  /** The 1-based line of top-level key {@code key} of a YAML manifest, or 0. */
  static int topLevelKeyLine(byte[] yaml, String key) {
    try {
      return YamlDocument.parse(
              Path.of(PolicyBundle.MANIFEST), new String(yaml, StandardCharsets.UTF_8))
          .root()
          .find(key)
          .map(YamlNode::line)
          .orElse(0);
    } catch (YamlFormatException e) {
      return 0;
    }
  }

  /**
   * The line of the first list item naming {@code file} (under {@code rules}, {@code tests}, {@code
   * scenarios}, {@code smoke}, {@code evidence} or a decision's {@code model}), or 0.
   */
  private static int listedLine(YamlDocument document, String file) {
    YamlNode root = document.root();
    for (String key : FILE_LISTS) {
      Optional<YamlNode> list = root.find(key).filter(YamlNode::isList);
      for (YamlNode item : list.map(YamlNode::list).orElse(List.of())) {
        if (names(item, file)) {
          return item.line();
        }
      }
    }
    Optional<YamlNode> decisions = root.find("decisions").filter(YamlNode::isList);
    for (YamlNode d : decisions.map(YamlNode::list).orElse(List.of())) {
      Optional<YamlNode> model = d.isMap() ? d.find("model") : Optional.empty();
      if (model.isPresent() && names(model.get(), file)) {
        return model.get().line();
      }
    }
    return 0;
  }

  static boolean isSpreadsheet(String path) {
    return path.endsWith(".drl.csv") || path.endsWith(".drl.xls") || path.endsWith(".drl.xlsx");
  }

  private static boolean isCompilable(String path) {
    return path.endsWith(".drl") || path.endsWith(".dmn") || isSpreadsheet(path);
  }

  private static YamlDocument manifestDocument(String origin, byte[] content) {
    try {
      return YamlDocument.parse(
          Path.of(PolicyBundle.MANIFEST), new String(content, StandardCharsets.UTF_8));
    } catch (YamlFormatException e) {
      throw manifestProblem(origin, e.line(), e.problem());
    }
  }

  /**
   * Binds the manifest from its bytes (the values exactly as the YAML parser reads them); a binding
   * problem is reported at the line of the value it is about.
   */
  private static PolicyManifest parseManifest(
      String origin, YamlDocument document, byte[] content) {
    try {
      return Json.yaml().readValue(content, PolicyManifest.class);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      int line =
          e.getPath().isEmpty()
              ? topLevelLine(document, cause.getMessage())
              : document.at(e).line();
      throw manifestProblem(origin, line, cause.getMessage());
    } catch (JsonMappingException e) {
      throw manifestProblem(origin, document.at(e).line(), YamlNode.reason(e));
    } catch (JsonProcessingException e) {
      throw manifestProblem(
          origin,
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean names(YamlNode item, String file) {
    try {
      return !item.isMap() && !item.isList() && !item.isNull() && file.equals(item.text());
    } catch (YamlFormatException e) {
      return false; // an empty item names no file
    }
  }

  /**
   * The line a check of the whole manifest is about: the bound ({@code bounds.<path>: ...}) or the
   * field ({@code manifest field 'id' ...}, {@code policy version must ...}, {@code rules must
   * ...}) its message names; 0 when it names none.
   */
  private static int topLevelLine(YamlDocument document, String message) {
    if (message == null) {
      return 0;
    }
    Matcher bound = BOUND.matcher(message);
    if (bound.find()) {
      return document
          .root()
          .find(bound.group(1))
          .filter(YamlNode::isMap)
          .flatMap(b -> b.find(bound.group(2)))
          .map(YamlNode::line)
          .orElse(0);
    }
    Matcher field = FIELD.matcher(message);
    if (field.find()) {
      String key =
          field.group(1) != null
              ? field.group(1)
              : field.group(2) != null ? field.group(2) : field.group(3);
      return document.root().find(key).map(YamlNode::line).orElse(0);
    }
    return 0;
  }

  private static PolicyCompilationFailed manifestProblem(String origin, int line, String message) {
    return new PolicyCompilationFailed(
        origin, List.of(new CompilationProblem(PolicyBundle.MANIFEST, line, message)));
  }
}

package io.fulcrum.engine.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads a bundle from its files and checks its shape: the manifest parses, every file it names
 * exists, and no DRL, DMN or decision table lies in the bundle without being listed (an unlisted
 * rule file would otherwise be silently ignored).
 */
public final class BundleReader {

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          // A key given twice (two `version:` lines) is an error, not "the last one wins".
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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
    PolicyManifest manifest = parseManifest(origin, manifestBytes);
    List<String> listed = new ArrayList<>();
    manifest.rules().forEach(listed::add);
    manifest.listedTestFiles().forEach(listed::add);
    manifest.decisions().forEach(d -> listed.add(d.model()));
    for (String file : listed) {
      if (!files.containsKey(file)) {
        problems.add(
            new CompilationProblem(
                PolicyBundle.MANIFEST,
                0,
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
                topLevelKeyLine(manifestBytes, "scenarios"),
                "scenarios lists '" + f + "': a scenario file must end in .scesim"));
      }
    }
    for (String f : manifest.smoke()) {
      if (!f.endsWith(".json")) {
        problems.add(
            new CompilationProblem(
                PolicyBundle.MANIFEST,
                topLevelKeyLine(manifestBytes, "smoke"),
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

  /**
   * The line of the problem. Records are built after all their fields are read, so for an unknown
   * field the parser is already past it: find the field's own line instead.
   */
  private static int line(JsonProcessingException e, byte[] content) {
    if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
      String[] lines =
          new String(content, java.nio.charset.StandardCharsets.UTF_8).split("\\R", -1);
      java.util.regex.Pattern field =
          java.util.regex.Pattern.compile(
              "^\\s*-?\\s*" + java.util.regex.Pattern.quote(u.getPropertyName()) + "\\s*:");
      for (int i = 0; i < lines.length; i++) {
        if (field.matcher(lines[i]).find()) {
          return i + 1;
        }
      }
    }
    return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
  }

  /** The 1-based line of top-level key {@code key} of a YAML manifest, or 0. */
  static int topLevelKeyLine(byte[] yaml, String key) {
    try (JsonParser p = YAML.getFactory().createParser(yaml)) {
      int depth = 0;
      for (com.fasterxml.jackson.core.JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t.isStructStart()) {
          depth++;
        } else if (t.isStructEnd()) {
          depth--;
        } else if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME
            && depth == 1
            && key.equals(p.currentName())) {
          return p.currentTokenLocation().getLineNr();
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return 0;
  }

  static boolean isSpreadsheet(String path) {
    return path.endsWith(".drl.csv") || path.endsWith(".drl.xls") || path.endsWith(".drl.xlsx");
  }

  private static boolean isCompilable(String path) {
    return path.endsWith(".drl") || path.endsWith(".dmn") || isSpreadsheet(path);
  }

  private static PolicyManifest parseManifest(String origin, byte[] content) {
    try {
      return YAML.readValue(content, PolicyManifest.class);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new PolicyCompilationFailed(
          origin,
          List.of(
              new CompilationProblem(
                  PolicyBundle.MANIFEST,
                  e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                  cause.getMessage())));
    } catch (JsonProcessingException e) {
      throw new PolicyCompilationFailed(
          origin,
          List.of(
              new CompilationProblem(
                  PolicyBundle.MANIFEST, line(e, content), e.getOriginalMessage())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.fulcrum.engine.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fulcrum.engine.json.Json;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a calibration winner as a new DRAFT policy version: copies the bundle and edits its
 * manifest text in place ({@link ManifestText}): every comment, blank line and quoting stays
 * byte-for-byte, only the lines of the changed values (and {@code version}) change, a DRAFT line
 * opens the description, description text stating a changed value right after its name ({@code
 * apcBufferRate (25%)}) is updated, other mentions of an old value (in the description or the
 * comments above it) are returned as notes for the reviewer and repeated in the DRAFT line, and the
 * report is added under {@code evidence:} (kept and hashed with the bundle, never executed). A
 * value is addressed as in {@link ManifestEdit}: a {@code parameters} entry, a {@code
 * measures.<name>.<setting>} path, else the setting of that name in every measure that has it
 * ({@code confidence} also matches {@code alpha}). The bundle gets the next numeric version after
 * the library's latest and is written under {@code outDir/<id>/<version>/}, never into the library,
 * so nothing activates it; approval and activation stay with the policy-admin workflow.
 */
public final class DraftPolicyWriter {

  public static final String EVIDENCE = "evidence/calibration-report.json";

  /**
   * The draft written.
   *
   * @param directory {@code outDir/<id>/<version>}
   * @param notes what a reviewer should check (stale comments or description text), and what was
   *     updated
   */
  public record Draft(Path directory, List<String> notes) {
    public Draft {
      notes = List.copyOf(notes);
    }
  }

  private DraftPolicyWriter() {}

  /** Writes the draft and returns its directory. */
  public static Path write(
      PolicyLibrary library,
      PolicyRef ref,
      Map<String, String> calibrated,
      String evidenceJson,
      Path outDir) {
    return writeDraft(library, ref, calibrated, evidenceJson, outDir).directory();
  }

  /** Writes the draft; returns its directory and the notes for its reviewer. */
  public static Draft writeDraft(
      PolicyLibrary library,
      PolicyRef ref,
      Map<String, String> calibrated,
      String evidenceJson,
      Path outDir) {
    String version = ref.version().orElseGet(() -> library.latestVersion(ref.id()));
    Path source = library.root().resolve(ref.id()).resolve(version);
    String next = nextVersion(library.latestVersion(ref.id()));
    Path target = outDir.resolve(ref.id()).resolve(next);
    try {
      if (Files.exists(target)) {
        throw new IllegalArgumentException(
            "draft " + target + " already exists; choose another --out");
      }
      String original = Files.readString(source.resolve("manifest.yaml"), StandardCharsets.UTF_8);
      Map<String, String> paths = resolve(original, ref, calibrated);
      ManifestText manifest = new ManifestText(original);
      paths.forEach(manifest::set);
      manifest.version(next);
      List<String> checks = manifest.notes().stream().filter(n -> n.startsWith("check ")).toList();
      manifest.prefixDescription(
          "DRAFT (calibrated from "
              + ref.id()
              + "@"
              + version
              + " by fulcrum calibrate; not approved, not active; evidence in "
              + EVIDENCE
              + ")."
              + (checks.isEmpty() ? "" : " Before approval, " + String.join("; ", checks) + "."));
      manifest.addEvidence(EVIDENCE);
      copy(source, target);
      Files.createDirectories(target.resolve(EVIDENCE).getParent());
      Files.writeString(target.resolve(EVIDENCE), evidenceJson, StandardCharsets.UTF_8);
      Files.writeString(target.resolve("manifest.yaml"), manifest.result(), StandardCharsets.UTF_8);
      return new Draft(target, manifest.notes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write draft policy to " + target, e);
    }
  }

  /**
   * A draft built in memory from a stored bundle's files (what the service does with a
   * recalibration proposal): the manifest edited as {@link #writeDraft} edits it, version {@code
   * next}, the report added as {@value #EVIDENCE}.
   *
   * @param by who calibrated, for the DRAFT line (e.g. {@code the monitoring of policy-admin})
   */
  public record InMemoryDraft(java.util.SortedMap<String, byte[]> files, List<String> notes) {
    public InMemoryDraft {
      notes = List.copyOf(notes);
    }
  }

  public static InMemoryDraft draftFiles(
      Map<String, byte[]> files,
      PolicyRef from,
      String next,
      Map<String, String> calibrated,
      String evidenceJson,
      String by) {
    try {
      String original = new String(files.get("manifest.yaml"), StandardCharsets.UTF_8);
      Map<String, String> paths = resolve(original, from, calibrated);
      ManifestText manifest = new ManifestText(original);
      paths.forEach(manifest::set);
      manifest.version(next);
      List<String> checks = manifest.notes().stream().filter(n -> n.startsWith("check ")).toList();
      manifest.prefixDescription(
          "DRAFT (calibrated from "
              + from
              + " by "
              + by
              + "; not approved, not active; evidence in "
              + EVIDENCE
              + ")."
              + (checks.isEmpty() ? "" : " Before approval, " + String.join("; ", checks) + "."));
      manifest.addEvidence(EVIDENCE);
      java.util.TreeMap<String, byte[]> out = new java.util.TreeMap<>(files);
      out.put(EVIDENCE, evidenceJson.getBytes(StandardCharsets.UTF_8));
      out.put("manifest.yaml", manifest.result().getBytes(StandardCharsets.UTF_8));
      return new InMemoryDraft(out, manifest.notes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the manifest of " + from, e);
    }
  }

  public static String nextVersion(String latest) {
    if (!latest.matches("\\d+")) {
      throw new IllegalArgumentException("cannot bump non-numeric policy version '" + latest + "'");
    }
    return new java.math.BigInteger(latest).add(java.math.BigInteger.ONE).toString();
  }

  /** Each calibrated name as the manifest paths it sets. */
  private static Map<String, String> resolve(
      String yaml, PolicyRef ref, Map<String, String> calibrated) throws IOException {
    ObjectNode manifest = (ObjectNode) Json.manifestYaml().readTree(yaml);
    Map<String, String> paths = new TreeMap<>();
    calibrated.forEach(
        (name, value) -> {
          JsonNode params = manifest.path("parameters");
          if (ManifestEdit.isMeasurePath(name) || (params.isObject() && params.has(name))) {
            paths.put(name, value);
            return;
          }
          List<String> found = new ArrayList<>();
          for (JsonNode m : manifest.path("measures")) {
            JsonNode settings = m.path("settings");
            for (String key :
                name.equals("confidence") ? new String[] {name, "alpha"} : new String[] {name}) {
              if (settings.isObject() && settings.has(key)) {
                found.add("measures." + m.path("name").asText() + "." + key);
              }
            }
          }
          if (found.isEmpty()) {
            List<String> known = new ArrayList<>();
            params.fieldNames().forEachRemaining(known::add);
            throw new IllegalArgumentException(
                "policy "
                    + ref
                    + " has no parameter or measure setting named '"
                    + name
                    + "'; parameters: "
                    + known);
          }
          found.forEach(p -> paths.put(p, value));
        });
    return paths;
  }

  private static void copy(Path source, Path target) throws IOException {
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : files.toList()) {
        Path t = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }
}

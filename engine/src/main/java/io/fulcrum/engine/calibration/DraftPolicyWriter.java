package io.fulcrum.engine.calibration;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fulcrum.engine.policy.PolicyLibrary;
import io.fulcrum.engine.policy.PolicyRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a calibration winner as a new DRAFT policy version: copies the bundle, sets the calibrated
 * values in its manifest (a top-level {@code parameters} entry of that name, a {@code
 * measures.<name>.<setting>} path as in {@link ManifestEdit}, else the setting of that name in
 * every measure that has it; {@code confidence} also matches a measure's {@code alpha}), gives it
 * the next numeric version after the library's latest, marks the description DRAFT, adds the
 * evidence report and lists it under {@code tests:}. The bundle is written under {@code
 * outDir/<id>/<version>/}, never into the library, so nothing activates it; approval and activation
 * stay with the policy-admin workflow.
 */
public final class DraftPolicyWriter {

  public static final String EVIDENCE = "evidence/calibration-report.json";
  private static final YAMLMapper YAML =
      new YAMLMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              .build());

  private DraftPolicyWriter() {}

  /** Writes the draft and returns its directory. */
  public static Path write(
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
      copy(source, target);
      ObjectNode manifest = (ObjectNode) YAML.readTree(target.resolve("manifest.yaml").toFile());
      calibrated.forEach((name, value) -> set(manifest, ref, name, value));
      manifest.put("version", next);
      manifest.put(
          "description",
          "DRAFT (calibrated from "
              + ref.id()
              + "@"
              + version
              + " by fulcrum calibrate; not approved, not active; evidence in "
              + EVIDENCE
              + "). "
              + manifest.path("description").asText(""));
      ArrayNode tests =
          manifest.has("tests") ? (ArrayNode) manifest.get("tests") : manifest.putArray("tests");
      tests.add(EVIDENCE);
      Files.createDirectories(target.resolve(EVIDENCE).getParent());
      Files.writeString(target.resolve(EVIDENCE), evidenceJson, StandardCharsets.UTF_8);
      Files.writeString(
          target.resolve("manifest.yaml"),
          YAML.writeValueAsString(manifest),
          StandardCharsets.UTF_8);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write draft policy to " + target, e);
    }
  }

  static String nextVersion(String latest) {
    if (!latest.matches("\\d+")) {
      throw new IllegalArgumentException("cannot bump non-numeric policy version '" + latest + "'");
    }
    return new java.math.BigInteger(latest).add(java.math.BigInteger.ONE).toString();
  }

  private static void set(ObjectNode manifest, PolicyRef ref, String name, String value) {
    if (ManifestEdit.trySet(manifest, name, value)) {
      return;
    }
    JsonNode params = manifest.path("parameters");
    boolean found = false;
    for (JsonNode m : manifest.path("measures")) {
      JsonNode settings = m.path("settings");
      for (String key :
          name.equals("confidence") ? new String[] {name, "alpha"} : new String[] {name}) {
        if (settings.isObject() && settings.has(key)) {
          ((ObjectNode) settings).set(key, node(value));
          found = true;
        }
      }
    }
    if (!found) {
      throw new IllegalArgumentException(
          "policy "
              + ref
              + " has no parameter or measure setting named '"
              + name
              + "'; parameters: "
              + iterable(params.fieldNames()));
    }
  }

  private static JsonNode node(String value) {
    try {
      return YAML.getNodeFactory().numberNode(new BigDecimal(value));
    } catch (NumberFormatException e) {
      return YAML.getNodeFactory().textNode(value);
    }
  }

  private static String iterable(java.util.Iterator<String> names) {
    StringBuilder b = new StringBuilder("[");
    names.forEachRemaining(n -> b.append(b.length() > 1 ? ", " : "").append(n));
    return b.append("]").toString();
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
